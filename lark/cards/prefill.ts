import type { FormFields } from '../../app/form-values.ts';

/** Values a person already typed, put back into a form that is shown again with an error. */
export type Prefill = FormFields;

export { listField as list, textField as text } from '../../app/form-values.ts';
