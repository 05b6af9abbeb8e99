import { describe, expect, it } from "vitest";
import { CUSTOMER_ASKS, type CustomerAsk } from "./customer-ask";
import { ROOT_CAUSES, type RootCause } from "./protocol";
import { authorityHeadroom, RESOLUTION_KINDS, type ResolutionKind } from "./resolution";
import { median, proposedAmount, proposeResolution, specificity, type ProposalRule } from "./resolution-proposal";

const RETURN = "cat-return";
const SERVICE = "cat-service";
const PAYMENT = "cat-payment";
const OTHER = "cat-other";

const rule = (
  categoryId: string | null,
  rootCause: RootCause | null,
  kind: ResolutionKind,
  amountRule: ProposalRule["amountRule"] = null,
  ask: CustomerAsk | null = null,
) => ({
  categoryId,
  rootCause,
  ask,
  kind,
  amountRule,
});

// The framework's defaults as the seed stores them (src/server/seed/reference-data.ts).
const FRAMEWORK = [
  rule(RETURN, "OUR_ERROR", "REFUND", "CLAIMED_AMOUNT"),
  rule(RETURN, "OUR_ERROR", "EXCHANGE", null, "EXCHANGE"),
  rule(PAYMENT, null, "GOODWILL_GIFT", "OPTION_DEFAULT"),
  rule(SERVICE, null, "MANAGER_FOLLOW_UP"),
  rule(null, "CUSTOMER_MISUNDERSTANDING", "EXPLANATION_ONLY"),
  rule(OTHER, "OUR_ERROR", "FULL_REFUND", "CLAIMED_AMOUNT"),
];

const OFFERED: Record<string, ResolutionKind[]> = {
  [RETURN]: ["REFUND", "STORE_CREDIT", "EXCHANGE", "APOLOGY_ONLY", "EXPLANATION_ONLY"],
  [SERVICE]: ["MANAGER_FOLLOW_UP", "EXPLANATION_ONLY", "GOODWILL_GIFT"],
  [PAYMENT]: ["APOLOGY_ONLY", "REFUND", "GOODWILL_GIFT", "EXPLANATION_ONLY"],
  [OTHER]: ["FULL_REFUND", "GOODWILL_GIFT", "MANAGER_FOLLOW_UP", "EXPLANATION_ONLY"],
};

const propose = (categoryId: string, rootCause: RootCause | null, rules = FRAMEWORK, ask: CustomerAsk | null = null) =>
  proposeResolution(rules, { categoryId, rootCause, ask, offered: OFFERED[categoryId]! })?.kind ?? null;

describe("the framework's proposal", () => {
  // Every category × root cause (and "not recorded yet") of the seeded framework, spelled out.
  const expected: Record<string, Record<RootCause | "none", ResolutionKind | null>> = {
    [RETURN]: { OUR_ERROR: "REFUND", THIRD_PARTY: null, CUSTOMER_MISUNDERSTANDING: "EXPLANATION_ONLY", UNDETERMINED: null, none: null },
    [SERVICE]: {
      OUR_ERROR: "MANAGER_FOLLOW_UP",
      THIRD_PARTY: "MANAGER_FOLLOW_UP",
      CUSTOMER_MISUNDERSTANDING: "EXPLANATION_ONLY",
      UNDETERMINED: "MANAGER_FOLLOW_UP",
      none: "MANAGER_FOLLOW_UP",
    },
    [PAYMENT]: {
      OUR_ERROR: "GOODWILL_GIFT",
      THIRD_PARTY: "GOODWILL_GIFT",
      CUSTOMER_MISUNDERSTANDING: "EXPLANATION_ONLY",
      UNDETERMINED: "GOODWILL_GIFT",
      none: "GOODWILL_GIFT",
    },
    [OTHER]: { OUR_ERROR: "FULL_REFUND", THIRD_PARTY: null, CUSTOMER_MISUNDERSTANDING: "EXPLANATION_ONLY", UNDETERMINED: null, none: null },
  };
  for (const [category, byCause] of Object.entries(expected)) {
    for (const cause of [...ROOT_CAUSES, "none"] as const) {
      it(`${category} × ${cause} → ${byCause[cause] ?? "no proposal"}`, () => {
        expect(propose(category, cause === "none" ? null : cause)).toBe(byCause[cause]);
      });
    }
  }
});

describe("the seeded framework and the customer's ask", () => {
  it("product return and our error: a refund, or the exchange the customer asked for", () => {
    expect(propose(RETURN, "OUR_ERROR", FRAMEWORK, "EXCHANGE")).toBe("EXCHANGE");
    for (const ask of ["REFUND", "REPAIR", "EXPLANATION", "APOLOGY", "OTHER", null] as const)
      expect(propose(RETURN, "OUR_ERROR", FRAMEWORK, ask)).toBe("REFUND");
    expect(propose(RETURN, "CUSTOMER_MISUNDERSTANDING", FRAMEWORK, "EXCHANGE")).toBe("EXPLANATION_ONLY");
    expect(propose(RETURN, "THIRD_PARTY", FRAMEWORK, "EXCHANGE")).toBeNull();
  });
});

describe("most specific rule wins", () => {
  const rules = [
    rule(null, null, "APOLOGY_ONLY"),
    rule(PAYMENT, null, "GOODWILL_GIFT"),
    rule(null, "OUR_ERROR", "REFUND"),
    rule(PAYMENT, "OUR_ERROR", "EXPLANATION_ONLY"),
  ];

  it("ranks category × root cause over root cause over category over the catch-all", () => {
    const ranks = rules.map(specificity);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(4);
    expect(propose(PAYMENT, "OUR_ERROR", rules)).toBe("EXPLANATION_ONLY");
    expect(propose(RETURN, "OUR_ERROR", rules)).toBe("REFUND");
    expect(propose(PAYMENT, "THIRD_PARTY", rules)).toBe("GOODWILL_GIFT");
    expect(propose(RETURN, "THIRD_PARTY", rules)).toBe("APOLOGY_ONLY");
  });

  it("does not depend on the order the rules are listed in", () => {
    const reversed = [...rules].reverse();
    for (const category of [RETURN, SERVICE, PAYMENT, OTHER])
      for (const cause of [...ROOT_CAUSES, null]) expect(propose(category, cause, reversed)).toBe(propose(category, cause, rules));
  });

  it("keeps the first of two rules for the same scope", () => {
    expect(propose(PAYMENT, null, [rule(PAYMENT, null, "REFUND"), rule(PAYMENT, null, "APOLOGY_ONLY")])).toBe("REFUND");
  });

  it("applies a rule with a root cause only once the finding names it", () => {
    expect(propose(PAYMENT, null, [rule(PAYMENT, "OUR_ERROR", "REFUND")])).toBeNull();
  });

  it("passes over a rule whose option the category does not offer, to the next most specific", () => {
    // A service problem offers no refund: the category's own rule applies instead.
    const withRefund = [rule(SERVICE, null, "MANAGER_FOLLOW_UP"), rule(null, "OUR_ERROR", "REFUND")];
    expect(propose(SERVICE, "OUR_ERROR", withRefund)).toBe("MANAGER_FOLLOW_UP");
    expect(
      proposeResolution(FRAMEWORK, { categoryId: RETURN, rootCause: "CUSTOMER_MISUNDERSTANDING", ask: null, offered: ["REFUND"] }),
    ).toBeNull();
  });

  it("proposes nothing from no rules, or for a category no rule names", () => {
    expect(propose(PAYMENT, "OUR_ERROR", [])).toBeNull();
    expect(
      proposeResolution([rule(PAYMENT, null, "REFUND")], { categoryId: "cat-new", rootCause: null, ask: null, offered: RESOLUTION_KINDS }),
    ).toBeNull();
  });

  it("returns the rule itself, so its id and amount rule come with it", () => {
    const withId = [{ ...rule(PAYMENT, null, "GOODWILL_GIFT", "OPTION_DEFAULT"), id: "r1" }];
    expect(proposeResolution(withId, { categoryId: PAYMENT, rootCause: "UNDETERMINED", ask: null, offered: ["GOODWILL_GIFT"] })).toBe(
      withId[0],
    );
  });
});

describe("what the customer asked for", () => {
  // A product returned through our error: refund by default, an exchange for a customer who asked for one.
  const rules = [
    rule(RETURN, null, "APOLOGY_ONLY"),
    rule(RETURN, null, "STORE_CREDIT", null, "EXCHANGE"),
    rule(RETURN, "OUR_ERROR", "REFUND", "CLAIMED_AMOUNT"),
    rule(RETURN, "OUR_ERROR", "EXCHANGE", null, "EXCHANGE"),
    rule(null, "CUSTOMER_MISUNDERSTANDING", "EXPLANATION_ONLY"),
    rule(null, null, "APOLOGY_ONLY", null, "APOLOGY"),
  ];

  it("prefers category × cause × ask over category × cause over category × ask over category", () => {
    expect(specificity(rule(RETURN, "OUR_ERROR", "EXCHANGE", null, "EXCHANGE"))).toBeGreaterThan(
      specificity(rule(RETURN, "OUR_ERROR", "REFUND")),
    );
    expect(specificity(rule(RETURN, "OUR_ERROR", "REFUND"))).toBeGreaterThan(
      specificity(rule(RETURN, null, "STORE_CREDIT", null, "EXCHANGE")),
    );
    expect(specificity(rule(RETURN, null, "STORE_CREDIT", null, "EXCHANGE"))).toBeGreaterThan(
      specificity(rule(RETURN, null, "APOLOGY_ONLY")),
    );
    expect(propose(RETURN, "OUR_ERROR", rules, "EXCHANGE")).toBe("EXCHANGE");
    expect(propose(RETURN, "OUR_ERROR", rules, "REFUND")).toBe("REFUND");
    expect(propose(RETURN, "OUR_ERROR", rules, null)).toBe("REFUND");
    expect(propose(RETURN, "THIRD_PARTY", rules, "EXCHANGE")).toBe("STORE_CREDIT");
    expect(propose(RETURN, "THIRD_PARTY", rules, "REPAIR")).toBe("APOLOGY_ONLY");
    expect(propose(RETURN, null, rules, "EXCHANGE")).toBe("STORE_CREDIT");
  });

  it("never lets the ask outweigh the finding: a misunderstanding gets its explanation whatever was asked", () => {
    for (const ask of [...CUSTOMER_ASKS, null]) expect(propose(RETURN, "CUSTOMER_MISUNDERSTANDING", rules, ask)).toBe("EXPLANATION_ONLY");
  });

  it("applies a rule with an ask only to a customer who asked for exactly that", () => {
    expect(propose(RETURN, "OUR_ERROR", [rule(RETURN, "OUR_ERROR", "EXCHANGE", null, "EXCHANGE")], null)).toBeNull();
    expect(propose(RETURN, "OUR_ERROR", [rule(RETURN, "OUR_ERROR", "EXCHANGE", null, "EXCHANGE")], "REFUND")).toBeNull();
    expect(propose(PAYMENT, "THIRD_PARTY", rules, "APOLOGY")).toBe("APOLOGY_ONLY");
    expect(propose(PAYMENT, "THIRD_PARTY", rules, "REFUND")).toBeNull();
  });

  it("does not depend on the order the rules are listed in", () => {
    const reversed = [...rules].reverse();
    for (const cause of [...ROOT_CAUSES, null])
      for (const ask of [...CUSTOMER_ASKS, null]) expect(propose(RETURN, cause, reversed, ask)).toBe(propose(RETURN, cause, rules, ask));
  });

  it("passes over an ask's rule whose option the category does not offer", () => {
    // A service problem offers no exchange: the rule for category × cause applies.
    const service = [rule(SERVICE, "OUR_ERROR", "MANAGER_FOLLOW_UP"), rule(SERVICE, "OUR_ERROR", "EXCHANGE", null, "EXCHANGE")];
    expect(propose(SERVICE, "OUR_ERROR", service, "EXCHANGE")).toBe("MANAGER_FOLLOW_UP");
  });
});

describe("the proposed amount", () => {
  const values = { optionDefault: "75000", claimed: "250000" };

  it("takes the option's default or the amount the customer claimed, as the rule says", () => {
    expect(proposedAmount({ kind: "GOODWILL_GIFT", amountRule: "OPTION_DEFAULT" }, values)).toBe("75000");
    expect(proposedAmount({ kind: "REFUND", amountRule: "CLAIMED_AMOUNT" }, values)).toBe("250000");
    expect(proposedAmount({ kind: "FULL_REFUND", amountRule: "CLAIMED_AMOUNT" }, { optionDefault: null, claimed: null })).toBeNull();
    expect(proposedAmount({ kind: "STORE_CREDIT", amountRule: "OPTION_DEFAULT" }, { optionDefault: null, claimed: "1" })).toBeNull();
  });

  it("suggests nothing without a rule, or for an option that hands nothing over", () => {
    expect(proposedAmount({ kind: "REFUND", amountRule: null }, values)).toBeNull();
    for (const kind of ["EXCHANGE", "MANAGER_FOLLOW_UP", "EXPLANATION_ONLY", "APOLOGY_ONLY"] as const)
      expect(proposedAmount({ kind, amountRule: "CLAIMED_AMOUNT" }, values)).toBeNull();
  });
});

describe("what similar complaints were granted", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([300, 100, 200])).toBe(200);
    expect(median([400, 100, 300, 200])).toBe(250);
  });
});

describe("authority headroom, before submitting", () => {
  const limits = { AGENT: 500_000, SUPERVISOR: 5_000_000, ADMIN: 50_000_000 };

  it("shows the limit, what is left and whether approval will be needed, by the server's rule", () => {
    expect(authorityHeadroom(75_000, "AGENT", limits)).toEqual({ limit: 500_000, headroom: 425_000, needsApproval: false });
    expect(authorityHeadroom(500_000, "AGENT", limits)).toEqual({ limit: 500_000, headroom: 0, needsApproval: false });
    expect(authorityHeadroom(600_000, "AGENT", limits)).toEqual({ limit: 500_000, headroom: -100_000, needsApproval: true });
    expect(authorityHeadroom(600_000, "SUPERVISOR", limits).needsApproval).toBe(false);
    expect(authorityHeadroom(null, "AGENT", limits)).toEqual({ limit: 500_000, headroom: 500_000, needsApproval: false });
  });
});
