import { randomBytes } from "node:crypto";
import { expect, fileComplaintThroughForm, signInAs, STAFF, test } from "./fixtures";

// The admin makes a macro for the Returns team, named in both languages; an agent of that team
// applies it to a new complaint: priority, assignee and an internal note in one go. Each reader sees
// the macro's name in their own language.

test("an admin makes a macro and an agent applies it", async ({ page, browser, db, signIn }) => {
  const tag = randomBytes(3).toString("hex");
  const name = `Fast return ${tag}`;
  const nameId = `Retur kilat ${tag}`;
  const agent = await db.user.findUniqueOrThrow({
    where: { email: STAFF.agent },
    select: { id: true, team: { select: { nameEn: true } } },
  });
  const team = agent.team!.nameEn;

  await signIn("admin");
  await page.goto("/admin/macros");
  const form = page.getByRole("form", { name: "New macro" });
  await form.getByLabel("Name in English").fill(name);
  await form.getByLabel("Name in Bahasa Indonesia").fill(nameId);
  await form.getByLabel("Team").selectOption({ label: team });
  await form.getByLabel("Set priority").selectOption({ label: "Urgent" });
  await form.getByLabel("Assign to").selectOption({ label: "Whoever applies it" });
  await form.getByLabel("Internal note").fill("Checked by the returns macro: replacement stock reserved.");
  await form.getByRole("button", { name: "Save macro" }).click();
  await expect(page.getByText("Macro saved.")).toBeVisible();
  await expect(page.getByTestId("macro").filter({ hasText: name })).toBeVisible();

  const complaint = await fileComplaintThroughForm(page, {
    name: "Dewi Makro",
    email: `makro-${randomBytes(4).toString("hex")}@contoh.id`,
    category: "Product return",
    narrative: "The blender's jug cracked the first time I used it.",
    desiredOutcome: "A new jug",
  });

  await signIn("agent");
  await page.goto(`/agent/tickets/${complaint.reference}`);
  await page.getByLabel("Macro", { exact: true }).selectOption({ label: `${name} (${team})` });
  await page.getByRole("button", { name: "Apply macro" }).click();
  await expect(page.getByText(`Macro “${name}” applied.`)).toBeVisible();
  await expect(page.getByText("Checked by the returns macro: replacement stock reserved.")).toBeVisible();
  // The controls' selects keep what the page was drawn with until it is loaded again.
  await page.reload();
  await expect(page.locator("select#priority")).toHaveValue("URGENT");

  const ticket = await db.ticket.findFirstOrThrow({
    where: { number: Number(complaint.reference.slice(4)) },
    select: { priority: true, assigneeId: true },
  });
  expect(ticket).toEqual({ priority: "URGENT", assigneeId: agent.id });

  // An agent reading in Indonesian is offered the same macro under its Indonesian name.
  const id = await browser.newContext({ locale: "id-ID" });
  const idPage = await id.newPage();
  await signInAs(idPage.request, STAFF.agent);
  await idPage.goto(`/agent/tickets/${complaint.reference}`);
  const teamId = (await db.team.findFirstOrThrow({ where: { nameEn: team }, select: { nameId: true } })).nameId;
  await expect(idPage.getByLabel("Makro", { exact: true }).locator("option", { hasText: `${nameId} (${teamId})` })).toHaveCount(1);
  await expect(idPage.getByLabel("Makro", { exact: true }).locator("option", { hasText: name })).toHaveCount(0);
  await id.close();
});
