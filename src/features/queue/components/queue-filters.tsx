import { getLocale, getTranslations } from "next-intl/server";
import { isChoice, type CustomFieldDefinition } from "@/domain/custom-fields";
import { FilterActions, FilterSelect, filterControlClass, filterLabelClass } from "@/components/filter-select";
import { PRIORITIES } from "@/domain/stages";
import type { QueueCategory } from "../queries";
import { OPEN_STAGES, type QueueFilter } from "../schemas";
import { named } from "@/i18n/named";

const QUEUE_SEARCH_ID = "queue-q";

/**
 * The queue's filters as a plain GET form: it works without JavaScript, and every view it produces is
 * a URL that can be bookmarked, shared and reached again with the back button.
 */
export async function QueueFilters({
  filter,
  categories,
  fields = [],
  teams,
  staff,
}: {
  filter: QueueFilter;
  categories: QueueCategory[];
  fields?: readonly CustomFieldDefinition[];
  teams: { id: string; name: string }[];
  /** Anyone a ticket can be assigned to: the queue can show one person's tickets. */
  staff: { id: string; name: string }[];
}) {
  const t = await getTranslations("queue");
  const custom = await getTranslations("customFields");
  const locale = await getLocale();
  const categoryName = new Map(categories.map((c) => [c.code, c.name]));
  const stages = await getTranslations("stages");
  return (
    // autoComplete off: after Back, the controls show the filter of the page shown, not what was
    // last chosen on it (browsers otherwise restore a form's edited state from history).
    <form
      method="get"
      action="/agent"
      role="search"
      aria-label={t("filters.label")}
      autoComplete="off"
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <div className="flex items-baseline gap-1.5">
          <label htmlFor={QUEUE_SEARCH_ID} className={filterLabelClass}>
            {t("filters.search")}
          </label>
          <kbd aria-hidden="true" className="rounded border border-slate-300 px-1 font-mono text-[10px] leading-4 text-slate-500">
            /
          </kbd>
        </div>
        <input
          id={QUEUE_SEARCH_ID}
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          maxLength={200}
          aria-describedby="queue-q-hint"
          aria-keyshortcuts="/"
          autoComplete="off"
          className={filterControlClass}
        />
        <span id="queue-q-hint" className="sr-only">
          {t("filters.searchHint")}
        </span>
      </div>
      <FilterSelect
        id="queue-assignee"
        name="assignee"
        label={t("filters.assignee")}
        any={t("filters.anyone")}
        value={filter.assignee}
        options={[
          { value: "me", name: t("filters.mine") },
          { value: "unassigned", name: t("filters.unassigned") },
          ...staff.map((s) => ({ value: s.id, name: s.name })),
        ]}
      />
      <FilterSelect
        id="queue-team"
        name="team"
        label={t("filters.team")}
        any={t("filters.anyTeam")}
        value={filter.team}
        options={[{ value: "none", name: t("filters.noTeam") }, ...teams.map((team) => ({ value: team.id, name: team.name }))]}
      />
      <FilterSelect
        id="queue-stage"
        name="stage"
        label={t("filters.stage")}
        any={t("filters.anyStage")}
        value={filter.stage}
        options={OPEN_STAGES.map((s) => ({ value: s, name: stages(s) }))}
      />
      <FilterSelect
        id="queue-category"
        name="category"
        label={t("filters.category")}
        any={t("filters.anyCategory")}
        value={filter.category}
        options={categories.map((c) => ({ value: c.code, name: c.name }))}
      />
      <FilterSelect
        id="queue-priority"
        name="priority"
        label={t("filters.priority")}
        any={t("filters.anyPriority")}
        value={filter.priority}
        options={PRIORITIES.map((p) => ({ value: p, name: t(`priority.${p}`) }))}
      />
      {fields.length > 0 && (
        <>
          <FilterSelect
            id="queue-field"
            name="field"
            label={custom("filter")}
            any={custom("anyField")}
            value={filter.field}
            options={fields.map((f) => ({
              value: f.key,
              name: `${named(f, locale)} (${categoryName.get(f.categoryCode) ?? f.categoryCode})`,
            }))}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="queue-field-value" className={filterLabelClass}>
              {custom("filterValue")}
            </label>
            {/* A choice is matched by its option key; the list offers each with its label. */}
            <input
              id="queue-field-value"
              name="fieldValue"
              list="queue-field-options"
              defaultValue={filter.fieldValue ?? ""}
              maxLength={200}
              className={filterControlClass}
            />
            <datalist id="queue-field-options">
              {fields
                .filter((f) => isChoice(f.type))
                .flatMap((f) =>
                  f.options.map((o) => ({ key: `${f.key}:${o.key}`, value: o.key, label: `${named(f, locale)}: ${named(o, locale)}` })),
                )
                .map((o) => (
                  <option key={o.key} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </datalist>
          </div>
        </>
      )}
      <fieldset className="flex flex-col gap-1">
        <legend className={filterLabelClass}>{t("filters.deadline")}</legend>
        <div className="flex items-center gap-3 py-1 text-sm">
          <Check name="atRisk" checked={filter.atRisk} text={t("filters.atRisk")} />
          <Check name="overdue" checked={filter.overdue} text={t("filters.overdue")} />
          <Check name="attention" checked={filter.attention} text={t("filters.attention")} />
        </div>
      </fieldset>
      <div className="flex items-center py-1 text-sm">
        <Check name="waiting" checked={filter.waiting} text={t("filters.waiting")} />
      </div>
      <div className="flex items-center py-1 text-sm">
        <Check name="triage" checked={filter.triage} text={t("filters.triage")} />
      </div>
      <FilterActions apply={t("filters.apply")} reset={t("filters.reset")} resetHref="/agent" />
    </form>
  );
}

function Check({ name, checked, text }: { name: string; checked?: boolean; text: string }) {
  return (
    <label className="flex items-center gap-1.5 whitespace-nowrap">
      <input type="checkbox" name={name} value="1" defaultChecked={checked ?? false} className="h-4 w-4 accent-teal-700" />
      {text}
    </label>
  );
}
