// Types only: this module adds to exceljs's declarations.
export {};

declare module 'exceljs' {
  interface Worksheet {
    /**
     * The sheet's data validations by address: one cell ('B2') or a range ('B2:B5000', written
     * as one rule). exceljs has this but does not declare it.
     */
    readonly dataValidations: {
      model: Record<string, DataValidation | undefined>;
      add(address: string, validation: DataValidation): void;
    };
  }
}
