import { describe, expect, it } from "vitest";
import { ConflictError, DatabaseBusy, NotFoundError, TooManyAttempts, UserError } from "./errors";
import {
  addressForLimits,
  clientAddress,
  domainFailure,
  httpError,
  MAX_FORM_FIELDS,
  orErrorPage,
  parseId,
  readForm,
  readId,
} from "./http.server";

describe("a record's number in an address", () => {
  it("is digits only, so one record has one address (and one cache entry)", () => {
    expect(readId("16")).toBe(16);
    expect(readId("2147483647")).toBe(2_147_483_647);
    for (const other of [
      "0x10",
      "1e3",
      "016",
      " 16",
      "16 ",
      "+16",
      "16.0",
      "0",
      "-1",
      "",
      "2147483648",
      "99999999999",
    ])
      expect(readId(other), JSON.stringify(other)).toBeNull();
    expect(readId(undefined)).toBeNull();
  });

  it("otherwise is a 404 that says what was not found", async () => {
    const thrown = (() => {
      try {
        parseId("0x10", "claim");
      } catch (error) {
        return error as Response;
      }
    })();
    expect(thrown?.status).toBe(404);
    expect(await thrown?.text()).toBe("There is no such claim.");
  });
});

describe("the address rate limits count", () => {
  it("is the IPv4 address, also when written as IPv4-mapped IPv6", () => {
    expect(addressForLimits("203.0.113.7")).toBe("203.0.113.7");
    expect(addressForLimits("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is the /64 network for IPv6, so one subscriber cannot rotate addresses", () => {
    expect(addressForLimits("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressForLimits("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressForLimits("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressForLimits("::1")).toBe("0:0:0:0::/64");
  });

  it("comes from the load context, and is empty without one", () => {
    expect(clientAddress({ clientAddress: "2001:db8::5" })).toBe("2001:db8:0:0::/64");
    expect(clientAddress(undefined)).toBe("");
    expect(clientAddress({ clientAddress: 42 })).toBe("");
  });
});

describe("the one error model over HTTP", () => {
  it("maps each expected error to its status, message, fields and headers", () => {
    expect(httpError(new UserError("Give a title.", 400, { title: "Give a title." }))).toEqual({
      status: 400,
      message: "Give a title.",
      fields: { title: "Give a title." },
      headers: {},
      conflict: false,
    });
    expect(httpError(new NotFoundError("There is no claim 9."))).toMatchObject({
      status: 404,
      conflict: false,
    });
    expect(httpError(new ConflictError("Saved by someone else.", { version: 3 }))).toMatchObject({
      status: 409,
      conflict: true,
      current: { version: 3 },
    });
    expect(httpError(new UserError("Taken.", 409))).toMatchObject({ status: 409, conflict: false });
    expect(httpError(new TooManyAttempts("Wait.", 60))).toMatchObject({
      status: 429,
      headers: { "Retry-After": "60" },
    });
    expect(httpError(new DatabaseBusy())).toMatchObject({ status: 503, headers: { "Retry-After": "2" } });
    expect(httpError(new Error("bug"))).toBeNull();
    expect(httpError("not even an error")).toBeNull();
  });

  it("gives forms their message, marked fields and conflict flag, and rethrows bugs", () => {
    const answer = domainFailure("import", { title: "" }, new UserError("No.", 400, { url: "Bad address." }));
    expect(answer.init?.status).toBe(400);
    expect(answer.data).toEqual({
      ok: false,
      intent: "import",
      error: "No.",
      values: { title: "" },
      fields: { url: "Bad address." },
    });
    expect(domainFailure("review", {}, new ConflictError("Changed.")).data.conflict).toBe(true);
    const bug = new TypeError("x is undefined");
    expect(() => domainFailure("review", {}, bug)).toThrow(bug);
  });

  it("gives loaders an error page with the status and Retry-After", async () => {
    const thrown = await orErrorPage(Promise.reject(new TooManyAttempts("Too many codes.", 600))).catch(
      (e) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect(thrown.status).toBe(429);
    expect(thrown.headers.get("Retry-After")).toBe("600");
    expect(await thrown.text()).toBe("Too many codes.");
  });
});

describe("reading a form", () => {
  const post = (body: string | FormData, type?: string) =>
    new Request("http://localhost/form", {
      method: "POST",
      body,
      ...(type ? { headers: { "Content-Type": type } } : {}),
    });
  const refusal = async (request: Request) => {
    const thrown = await readForm(request).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    return { status: (thrown as Response).status, text: await (thrown as Response).text() };
  };

  it("reads url-encoded and multipart forms up to MAX_FORM_FIELDS fields", async () => {
    const many = Array.from({ length: MAX_FORM_FIELDS }, (_, i) => `f${i}=${i}`).join("&");
    const form = await readForm(post(many, "application/x-www-form-urlencoded"));
    expect(form.get(`f${MAX_FORM_FIELDS - 1}`)).toBe(String(MAX_FORM_FIELDS - 1));
    const multipart = new FormData();
    multipart.set("title", "A & B");
    multipart.set("file", new File(["# Text"], "article.md", { type: "text/markdown" }));
    const read = await readForm(post(multipart));
    expect(read.get("title")).toBe("A & B");
    expect(await (read.get("file") as File).text()).toBe("# Text");
  });

  it("refuses more fields than any page sends before parsing them, and says so", async () => {
    const answer = await refusal(post("a&".repeat(MAX_FORM_FIELDS + 1), "application/x-www-form-urlencoded"));
    expect(answer.status).toBe(413);
    expect(answer.text).toBe(
      `That form has more than ${MAX_FORM_FIELDS.toLocaleString("en")} fields, more than any page of Claimdesk sends. Nothing was saved.`,
    );
    const parts = new FormData();
    for (let i = 0; i < MAX_FORM_FIELDS; i++) parts.append("f", "");
    expect((await readForm(post(parts))).getAll("f")).toHaveLength(MAX_FORM_FIELDS);
    parts.append("f", "");
    expect((await refusal(post(parts))).status).toBe(413);
  });

  it("counts by the separator the parser reads, whatever else the Content-Type says", async () => {
    const many = "a&".repeat(MAX_FORM_FIELDS + 1);
    expect((await refusal(post(many, "application/x-www-form-urlencoded; boundary=zz"))).status).toBe(413);
    const part = (boundary: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="f"\r\n\r\n\r\n`;
    const multipart = (boundary: string) =>
      `${part(boundary).repeat(MAX_FORM_FIELDS + 1)}--${boundary}--\r\n`;
    for (const type of [
      "multipart/form-data; xboundary=zz; boundary=real",
      "multipart/form-data; boundary=zz; boundary=real",
      'multipart/form-data; boundary="real"',
    ])
      expect((await refusal(post(multipart("real"), type))).status, type).toBe(413);
  });

  it("refuses what is not a form, or not a readable one", async () => {
    expect((await refusal(post("{}", "application/json"))).status).toBe(415);
    expect((await refusal(post("--x\r\nbroken", "multipart/form-data; boundary=x"))).status).toBe(400);
  });
});
