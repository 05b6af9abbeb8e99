/** The form the queue rows' checkboxes belong to (by `form=`, since a row holds its own claim form). */
export const BULK_FORM = "queue-bulk";
