import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { PRIORITIES } from "@/domain/stages";
import { bulkChangeAction } from "@/features/protocol/actions";
import { BULK_FORM } from "./bulk-form";

const BUTTON = "rounded-md border border-teal-700 px-3 py-1.5 text-sm font-semibold text-teal-800 hover:bg-teal-50";
const FIELD = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** One change to the selected tickets: each button names its operation, the fields beside it say how. */
export async function QueueBulk({ staff }: { staff: { id: string; name: string }[] }) {
  const t = await getTranslations("bulk");
  const queue = await getTranslations("queue");
  return (
    <ActionForm id={BULK_FORM} action={bulkChangeAction} label={t("title")} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <div className="flex items-end gap-2">
          <label className="flex flex-col text-sm font-medium">
            {t("assignTo")}
            <select name="assigneeId" defaultValue="me" className={FIELD}>
              <option value="me">{t("me")}</option>
              <option value="">{t("unassigned")}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" name="operation" value="assign" className={BUTTON}>
            {t("assign")}
          </button>
        </div>
        <div className="flex items-end gap-2">
          <label className="flex flex-col text-sm font-medium">
            {t("priority")}
            <select name="priority" defaultValue="URGENT" className={FIELD}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {queue(`priority.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" name="operation" value="priority" className={BUTTON}>
            {t("setPriority")}
          </button>
        </div>
        <button type="submit" name="operation" value="wait" className={BUTTON}>
          {t("wait")}
        </button>
        <button type="submit" name="operation" value="resume" className={BUTTON}>
          {t("resume")}
        </button>
      </div>
    </ActionForm>
  );
}
