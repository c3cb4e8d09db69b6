import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { env } from "../utils/config.server";
import { checkAddress } from "./address-policy";

/** A fetch the server refused or could not complete, with a reason a person can act on. */
export class FetchRefused extends Error {}

export interface SafeFetchOptions {
  /** Loopback and private addresses allowed (CLAIMDESK_ALLOW_PRIVATE_FETCH=1). */
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Which content types to accept. */
  accept?: RegExp;
  /** For tests: decides each resolved address instead of the default policy. */
  checkAddress?: (address: string) => { allowed: true } | { allowed: false; reason: string };
}

export interface Fetched {
  url: string;
  contentType: string;
  body: string;
}

export const allowPrivateFetch = () => env().CLAIMDESK_ALLOW_PRIVATE_FETCH === "1";

const DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
  accept: /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i,
};

/**
 * Fetches a page for import: http and https only; every hop's addresses resolved and checked
 * before connecting, and the connection pinned to a checked address (no DNS rebinding); at most
 * 5 redirects, 5 MB and 10 seconds; only HTML or plain text.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<Fetched> {
  const opts = { ...DEFAULTS, allowPrivate: allowPrivateFetch(), ...options };
  const check = opts.checkAddress ?? ((address: string) => checkAddress(address, opts.allowPrivate));
  const deadline = Date.now() + opts.timeoutMs;
  let url = parseUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const addresses = await resolve(url.hostname);
    for (const address of addresses) {
      const verdict = check(address);
      if (!verdict.allowed) throw new FetchRefused(`Refused to fetch ${url.host}: ${verdict.reason}`);
    }
    const response = await request(url, addresses[0]!, deadline, opts);
    if (response.status >= 300 && response.status < 400 && response.location) {
      if (hop >= opts.maxRedirects)
        throw new FetchRefused(`Refused: more than ${opts.maxRedirects} redirects.`);
      url = parseUrl(new URL(response.location, url).toString());
      continue;
    }
    if (response.status !== 200) throw new FetchRefused(`The page answered with HTTP ${response.status}.`);
    return { url: url.toString(), contentType: response.contentType, body: response.body };
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchRefused("That is not a web address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchRefused("Only http:// and https:// addresses can be fetched.");
  if (url.username || url.password)
    throw new FetchRefused("Addresses with a user name or password are not fetched.");
  return url;
}

async function resolve(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, "");
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    if (found.length === 0) throw new Error("no address");
    return found.map((a) => a.address);
  } catch {
    throw new FetchRefused(`The name ${hostname} could not be resolved.`);
  }
}

interface RawResponse {
  status: number;
  location?: string;
  contentType: string;
  body: string;
}

function request(url: URL, address: string, deadline: number, opts: typeof DEFAULTS): Promise<RawResponse> {
  const pinned: LookupFunction = (_host, options, callback) => {
    const family = address.includes(":") ? 6 : 4;
    if (typeof options === "object" && options && "all" in options && options.all)
      callback(null, [{ address, family }]);
    else (callback as (err: null, address: string, family: number) => void)(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolvePromise, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      return reject(new FetchRefused(`Refused: the page took longer than ${opts.timeoutMs / 1000} seconds.`));
    const req = client.get(
      url,
      {
        lookup: pinned,
        headers: {
          "User-Agent": "Claimdesk/1 (fact-checking workbench)",
          Accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          return resolvePromise({ status, location: res.headers.location, contentType: "", body: "" });
        }
        const contentType = res.headers["content-type"] ?? "";
        if (status === 200 && !opts.accept.test(contentType)) {
          res.destroy();
          return reject(
            new FetchRefused(
              `Refused: the address serves ${contentType.split(";")[0] || "an unknown type"}, not an HTML page or plain text.`,
            ),
          );
        }
        const declared = Number(res.headers["content-length"] ?? 0);
        if (declared > opts.maxBytes) {
          res.destroy();
          return reject(new FetchRefused(`Refused: the page is larger than ${opts.maxBytes / 1048576} MB.`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) {
            res.destroy();
            reject(new FetchRefused(`Refused: the page is larger than ${opts.maxBytes / 1048576} MB.`));
          } else chunks.push(chunk);
        });
        res.on("end", () =>
          resolvePromise({ status, contentType, body: decode(Buffer.concat(chunks), contentType) }),
        );
        res.on("error", () => reject(new FetchRefused("The connection broke while reading the page.")));
      },
    );
    const timer = setTimeout(
      () =>
        req.destroy(new FetchRefused(`Refused: the page took longer than ${opts.timeoutMs / 1000} seconds.`)),
      remaining,
    );
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) =>
      reject(
        error instanceof FetchRefused
          ? error
          : new FetchRefused(
              `Could not fetch the page: ${(error as NodeJS.ErrnoException).code ?? error.message}.`,
            ),
      ),
    );
  });
}

function decode(bytes: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
