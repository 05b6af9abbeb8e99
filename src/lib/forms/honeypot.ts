// A field people never see, so never fill: a program that fills every field it finds does.
// Its name is one such programs expect; browsers are told not to autofill it.
export const HONEYPOT_FIELD = "website";

/** Whether the submission filled the field no person sees. Anything sent under its name counts. */
export function filledHoneypot(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  if (value === null) return false;
  return typeof value !== "string" || value.trim() !== "";
}
