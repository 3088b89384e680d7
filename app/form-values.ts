/** A card form's values as a callback carries them (`form_value`, field names without their form key). */
export type FormFields = Readonly<Record<string, unknown>>;

/** A text field, trimmed; empty or missing is undefined. A number (some inputs send one) is read as text. */
export const textField = (fields: FormFields, name: string): string | undefined => {
  const value = fields[name];
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return text === '' ? undefined : text;
};

/** A multi-select's values (a single select's value counts as one). */
export const listField = (fields: FormFields, name: string): string[] => {
  const value = fields[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
};
