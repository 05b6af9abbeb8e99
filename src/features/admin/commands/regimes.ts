import "server-only";
import { regimeWithoutCalendar } from "@/domain/regulation/clock";
import { REGIMES } from "@/domain/regulation/regimes";
import { DomainError } from "@/domain/errors";
import { adminChange, type AdminActor } from "../admin-change";
import type { CategoryRegimeInput, RegimeSettingInput } from "../schemas";

const CATEGORY = { id: true, code: true, nameEn: true, nameId: true, regime: true, paymentServices: true } as const;
const SETTING = {
  regime: true,
  warnBeforeDays: true,
  acknowledgeDays: true,
  countsFromComplete: true,
  fourEyesRedressAbove: true,
} as const;

/**
 * Puts a category's complaints under a regime. Tickets keep the regime they were filed under: the
 * change applies to complaints filed from now on (or moved into the category). A regime whose
 * calendar is not set up is refused, saying which calendar to add. The payment-services mark goes
 * with it (one audited change): only the FCA regime reads it (DISP 1.6.2AR's 15 and 35 business days).
 */
export function setCategoryRegime(actor: AdminActor, input: CategoryRegimeInput): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const before = await tx.category.findUnique({ where: { id: input.categoryId }, select: CATEGORY });
    if (!before) throw new DomainError("adminRefused", { code: "categoryNotFound" });
    const regime = REGIMES[input.regime];
    if (regime.calendar && !(await tx.businessCalendar.findUnique({ where: { region: regime.calendar }, select: { id: true } })))
      throw regimeWithoutCalendar(regime);
    const after = await tx.category.update({
      where: { id: input.categoryId },
      data: { regime: input.regime, paymentServices: input.paymentServices ?? false },
      select: CATEGORY,
    });
    await audit({ entity: "Category", entityId: input.categoryId, action: "category.regimeChanged", before, after });
  });
}

/** The firm's choices a regime leaves open (its `policy` numbers, counting from completeness, the four-eyes redress amount). */
export function saveRegimeSetting(actor: AdminActor, input: RegimeSettingInput): Promise<void> {
  return adminChange(actor, async ({ tx, audit }) => {
    const regime = REGIMES[input.regime];
    const data = {
      warnBeforeDays: input.warnBeforeDays,
      // Only what the regime leaves to the firm is kept; the rest stays the regulator's.
      acknowledgeDays: regime.acknowledge?.policy ? (input.acknowledgeDays ?? null) : null,
      countsFromComplete: regime.countsFromComplete !== undefined ? (input.countsFromComplete ?? false) : null,
      fourEyesRedressAbove: input.fourEyesRedressAbove ?? null,
    };
    const before = await tx.regimeSetting.findUnique({ where: { regime: input.regime }, select: SETTING });
    const after = await tx.regimeSetting.upsert({
      where: { regime: input.regime },
      create: { regime: input.regime, ...data },
      update: data,
      select: SETTING,
    });
    await audit({
      entity: "RegimeSetting",
      entityId: input.regime,
      action: "regime.updated",
      before: before && { ...before, code: input.regime },
      after: { ...after, code: input.regime },
    });
  });
}
