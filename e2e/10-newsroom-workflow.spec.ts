import { expect, test } from "@playwright/test";
import {
  createUser,
  expectAccessible,
  PASSWORD,
  personIn,
  signIn,
  submitAndWaitForAnswer,
  waitForHydration,
} from "./helpers";

// The desk as a team uses it, in the browser: an admin invites people, a claim is assigned,
// verdicted, sent back with a comment, fixed, approved by a second person and published;
// accounts are deactivated and signed out everywhere; tokens are made and revoked.

test.describe("the newsroom workflow", () => {
  test.beforeAll(() => {
    createUser("chief@flow.test", "Chris Chief", "admin");
    createUser("rita@flow.test", "Rita Reviewer", "reviewer");
  });

  test("invite, assign, verdict, send back, fix, approve by a second person, publish", async ({
    browser,
  }) => {
    const admin = await personIn(browser, "chief@flow.test");

    // The admin invites an editor; the one-time link lets them choose a password.
    await admin.goto("/settings/users");
    await admin.getByLabel("Name").fill("Eddie Editor");
    await admin.getByLabel("E-mail").fill("eddie@flow.test");
    await admin.getByLabel("Role", { exact: true }).selectOption("editor");
    await admin.getByRole("button", { name: "Make invitation link" }).click();
    const link = (await admin.getByTestId("invite-link").textContent())!;
    expect(link).toMatch(/\/invite\/[\w-]{43}$/);
    await expect(admin.getByRole("row", { name: /Eddie Editor/ })).toContainText("Invited, not yet joined");
    await expectAccessible(admin);

    const eddie = await personIn(browser);
    await eddie.goto(new URL(link).pathname);
    await expect(eddie.getByText("You were invited as editor")).toBeVisible();
    await expectAccessible(eddie);
    await eddie.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await eddie.getByLabel("Password again").fill("something else entirely");
    await eddie.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(eddie.getByText("The two passwords differ.")).toBeVisible();
    await eddie.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await eddie.getByLabel("Password again").fill(PASSWORD);
    await eddie.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(eddie.getByRole("button", { name: "Sign out" })).toBeVisible();
    // The link worked once.
    const reused = await (await personIn(browser)).goto(new URL(link).pathname);
    expect(reused!.status()).toBe(404);

    // The admin imports an article and assigns its first claim to Eddie from the desk.
    await admin.goto("/articles/new");
    await admin.getByLabel("Title").fill("Workflow test");
    await admin
      .getByLabel("Article text")
      .fill("Nimbus Chips said its N7 accelerator is 3 times faster than Nvidia's H100 in 2025 benchmarks.");
    await admin.getByRole("button", { name: "Import and propose claims" }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Workflow test");
    const articleId = /\/articles\/(\d+)/.exec(admin.url())![1];
    await admin.goto(`/desk?status=open&assignee=none&article=${articleId}`);
    const row = admin.locator("tbody tr").first();
    const claimHref = (await row.getByRole("link").first().getAttribute("href"))!;
    await row.getByRole("combobox").selectOption({ label: "Eddie Editor" });
    await submitAndWaitForAnswer(admin, row.getByRole("button", { name: /Assign claim/ }));
    // The desk reloads after the answer: check it once the assigned claim has left this view.
    await expect(admin.locator(`tbody a[href="${claimHref}"]`)).toHaveCount(0);
    await expectAccessible(admin);

    // Eddie's queue shows it; he writes a verdict and asks for review.
    await eddie.goto("/desk");
    await expect(eddie.getByRole("link", { name: /My queue \(1\)/ })).toBeVisible();
    await eddie.locator(`a[href="${claimHref}"]`).click();
    await expect(eddie).toHaveURL(new RegExp(`${claimHref}$`));
    await expect(eddie.getByLabel("Assigned to")).toHaveValue(/\d+/);
    await eddie.getByLabel("Verdict", { exact: true }).selectOption("unsupported");
    await eddie.getByLabel("Rationale (markdown)").fill("Nimbus published no benchmark.");
    await eddie.getByLabel("Status").selectOption("needs-review");
    await eddie.getByRole("button", { name: "Save verdict" }).click();
    await expect(eddie.getByText("Verdict, rationale and status saved.")).toBeVisible();
    await expect(
      eddie.getByText("You wrote this verdict and rationale, so a second person must approve it."),
    ).toBeVisible();

    // Rita sends it back: a comment is required.
    const rita = await personIn(browser, "rita@flow.test");
    await rita.goto("/desk?status=needs-review&assignee=any");
    await rita.locator(`a[href="${claimHref}"]`).click();
    await rita.getByText("Send back to the editor").click();
    await rita.getByLabel("What needs to change").fill("   ");
    await rita.getByLabel("What needs to change").evaluate((el) => el.removeAttribute("required"));
    await rita.getByRole("button", { name: "Send back" }).click();
    await expect(rita.getByText("Say what needs to change")).toBeVisible();
    await rita.getByLabel("What needs to change").fill("Link the vendor's benchmark page you checked.");
    await rita.getByRole("button", { name: "Send back" }).click();
    await expect(rita.getByText("Sent back to the editor with your comment.")).toBeVisible();
    await expectAccessible(rita);

    // Eddie sees the comment on his desk and on the claim, adds the source and resubmits.
    await eddie.goto("/desk");
    await expect(eddie.getByText("Link the vendor's benchmark page you checked.")).toBeVisible();
    await eddie.goto(claimHref);
    await expect(eddie.getByRole("note")).toContainText("Link the vendor's benchmark page you checked.");
    await eddie.getByLabel("URL", { exact: true }).fill("https://nimbus.example/benchmarks");
    await eddie.locator("#new-stance").selectOption("supports");
    await eddie.getByRole("button", { name: "Add source" }).click();
    await expect(eddie.getByText("Source added.")).toBeVisible();
    await eddie.getByLabel("Status").selectOption("needs-review");
    await eddie.getByRole("button", { name: "Save verdict" }).click();
    await expect(eddie.getByText("Verdict, rationale and status saved.")).toBeVisible();

    // Rita approves; the article publishes with the approved claim.
    await rita.goto(claimHref);
    await rita.getByRole("button", { name: "Approve this verdict" }).click();
    await expect(rita.getByText("Approved. It will be included in the next publication.")).toBeVisible();
    await expect(rita.getByRole("note")).toHaveCount(0);
    await rita.goto(`/articles/${articleId}`);
    await rita.getByRole("button", { name: /Publish/ }).click();
    await expect(rita).toHaveURL(/\/fact-checks\/[\w-]+$/);
    await expect(rita.locator("mark, .claim-highlight").first()).toContainText("3 times faster");

    // The history shows the send-back with its comment.
    await rita.goto(`${claimHref}`);
    await rita.getByText(/History of this claim/).click();
    await expect(rita.getByText("sent back claim").first()).toBeVisible();
  });

  test("deactivation and signing out everywhere end sessions at once", async ({ browser }) => {
    createUser("dana@flow.test", "Dana Departing", "editor");
    const dana = await personIn(browser, "dana@flow.test");
    const danaPhone = await personIn(browser, "dana@flow.test");
    await danaPhone.goto("/settings");
    await expect(danaPhone.getByText("signed in on 2 devices")).toBeVisible();
    await danaPhone.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(danaPhone.getByText("You are signed out on every device.")).toBeVisible();
    await dana.goto("/articles");
    await expect(dana).toHaveURL(/\/login\?next=/);

    await signIn(dana, "dana@flow.test");
    // With JavaScript, Deactivate asks first; Cancel leaves Dana as she was.
    const chief = await personIn(browser, "chief@flow.test");
    await chief.goto("/settings/users");
    await waitForHydration(chief);
    await chief.getByRole("button", { name: "Deactivate Dana Departing" }).click();
    await expect(chief.getByRole("heading", { name: "Deactivate Dana Departing?" })).toBeFocused();
    await expectAccessible(chief);
    await chief.getByRole("link", { name: "Cancel" }).click();
    await expect(chief.getByRole("heading", { name: "Deactivate Dana Departing?" })).toHaveCount(0);
    await expect(chief.getByRole("row", { name: /Dana Departing/ })).toContainText("Active");

    // Without JavaScript: a claim is assigned to her, and the question says what happens to it.
    const admin = await personIn(browser, "chief@flow.test", { javaScriptEnabled: false });
    await admin.goto("/desk?status=open&assignee=none");
    const row = admin.locator("tbody tr").first();
    await row.getByRole("combobox").selectOption({ label: "Dana Departing" });
    await row.getByRole("button", { name: /Assign claim/ }).click();
    await admin.waitForURL(/#desk-claim-\d+$/);
    const danaId = await admin.evaluate(() => {
      const option = [...document.querySelectorAll("option")].find((o) => o.textContent === "Dana Departing");
      return option?.getAttribute("value");
    });
    await admin.goto("/settings/users");
    await admin.getByRole("button", { name: "Deactivate Dana Departing" }).click();
    await admin.waitForURL(new RegExp(`/settings/users\\?deactivate=${danaId}$`));
    const question = admin.getByRole("region", { name: "Deactivate Dana Departing?" });
    await expect(question.getByRole("heading")).toBeFocused();
    await expect(question).toContainText(
      "Dana Departing (dana@flow.test) will be signed out at once (1 signed-in session)",
    );
    await expect(question).toContainText("1 open claim stays assigned to them: reassign them on the desk.");
    await expect(question.getByRole("link", { name: "reassign them on the desk" })).toHaveAttribute(
      "href",
      `/desk?status=open&assignee=${danaId}`,
    );
    await expect(question).toContainText("Reactivate undoes this");
    // Nothing has changed yet: Dana is still signed in.
    await dana.goto("/articles");
    await expect(dana.getByRole("heading", { name: "Workbench" })).toBeVisible();
    await question.getByRole("button", { name: "Yes, deactivate Dana Departing" }).click();
    await expect(
      admin.getByText("Dana Departing is deactivated: their sessions and API tokens stopped working."),
    ).toBeVisible();
    await expect(admin.getByRole("region", { name: "Deactivate Dana Departing?" })).toHaveCount(0);
    await admin.getByText(/Account changes/).click();
    await expect(admin.getByText("Chris Chief deactivated Dana Departing")).toBeVisible();
    await dana.goto("/articles");
    await expect(dana).toHaveURL(/\/login\?next=/);
    await dana.getByLabel("E-mail").fill("dana@flow.test");
    await dana.getByLabel("Password").fill(PASSWORD);
    await dana.getByRole("button", { name: "Sign in" }).click();
    await expect(dana.getByText("do not match an active account")).toBeVisible();
  });

  test("a forgotten password is reset with an admin's one-time link", async ({ browser }) => {
    createUser("pat@flow.test", "Pat Forgetful", "editor");
    const patOldDevice = await personIn(browser, "pat@flow.test");
    const admin = await personIn(browser, "chief@flow.test");
    await admin.goto("/settings/users");
    await admin.getByRole("button", { name: "Password link for Pat Forgetful" }).click();
    const link = (await admin.getByTestId("reset-link").textContent())!;
    await expect(admin.getByRole("row", { name: /Pat Forgetful/ })).toContainText(
      "password link not yet used",
    );

    const pat = await personIn(browser);
    await pat.goto(new URL(link).pathname);
    await expect(pat.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await pat.getByLabel("Password", { exact: true }).fill("my brand new password");
    await pat.getByLabel("Password again").fill("my brand new password");
    await pat.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(pat.getByRole("button", { name: "Sign out" })).toBeVisible();
    await patOldDevice.goto("/articles");
    await expect(patOldDevice).toHaveURL(/\/login/);
    await patOldDevice.getByLabel("E-mail").fill("pat@flow.test");
    await patOldDevice.getByLabel("Password").fill(PASSWORD);
    await patOldDevice.getByRole("button", { name: "Sign in" }).click();
    await expect(patOldDevice.getByText("do not match an active account")).toBeVisible();
  });

  test("a personal API token works until its owner revokes it", async ({ browser, request }) => {
    const rita = await personIn(browser, "rita@flow.test");
    await rita.goto("/settings");
    await expectAccessible(rita);
    await rita.getByLabel("Token name").fill("Newsroom CMS");
    await rita.getByRole("button", { name: "Make a token" }).click();
    const token = (await rita.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^cdk_[\w-]{43}$/);
    const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ email: "rita@flow.test", role: "reviewer" });
    await rita.reload();
    await expect(rita.getByTestId("new-token")).toHaveCount(0);
    await rita.getByRole("button", { name: "Revoke token Newsroom CMS" }).click();
    await expect(rita.getByRole("button", { name: "Revoke token Newsroom CMS" })).toHaveCount(0);
    expect(
      (await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status(),
    ).toBe(401);
  });

  test("the desk, sending back and settings work without JavaScript", async ({ browser }) => {
    const rita = await personIn(browser, "rita@flow.test", { javaScriptEnabled: false });
    await rita.goto("/desk");
    await rita.getByLabel("Status").selectOption("candidate");
    await rita.getByLabel("Assigned to").selectOption("none");
    await rita.getByRole("button", { name: "Show claims" }).click();
    await expect(rita).toHaveURL(/status=candidate&verdict=any&assignee=none/);
    const row = rita.locator("tbody tr").first();
    const claimHref = (await row.getByRole("link").first().getAttribute("href"))!;
    await row.getByRole("combobox").selectOption({ label: "Rita Reviewer" });
    await submitAndWaitForAnswer(rita, row.getByRole("button", { name: /Assign claim/ }));
    await rita.goto("/desk?status=candidate&assignee=me");
    await expect(rita.locator(`a[href="${claimHref}"]`)).toBeVisible();

    await rita.goto("/settings");
    await rita.getByLabel("Token name").fill("No-JS token");
    await rita.getByRole("button", { name: "Make a token" }).click();
    await expect(rita.getByTestId("new-token")).toHaveText(/^cdk_/);
    await rita.getByRole("button", { name: "Revoke token No-JS token" }).click();
    await expect(rita.getByRole("button", { name: "Revoke token No-JS token" })).toHaveCount(0);
    await rita.context().close();
  });

  test("the desk and the API guide are accessible", async ({ browser }) => {
    const rita = await personIn(browser, "rita@flow.test");
    for (const path of ["/desk", "/desk?status=any&assignee=any", "/docs/api"]) {
      await rita.goto(path);
      await expectAccessible(rita);
    }
  });
});
