import { randomBytes } from "node:crypto";
import { secureCookieAttribute } from "../utils/request-origin.server";

/**
 * The device token: a random value in a cookie that a student's browser keeps for a year, so one
 * device sends one submission per exercise and can change it until the student sees the
 * fact-check. It identifies a browser, not a person: nothing about the student is in it.
 */
export const DEVICE_COOKIE = "claimdesk_device";
const YEAR_SECONDS = 365 * 86_400;

export interface Device {
  token: string;
  /** The Set-Cookie header to send when the token is new, or null. */
  setCookie: string | null;
}

/** The request's device token, or a new one (with the header that stores it). */
export function deviceOf(request: Request): Device {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, value] = part.trim().split("=");
    if (key === DEVICE_COOKIE && value && /^[A-Za-z0-9_-]{24}$/.test(value))
      return { token: value, setCookie: null };
  }
  const token = randomBytes(18).toString("base64url");
  return {
    token,
    setCookie: `${DEVICE_COOKIE}=${token}; Path=/x; HttpOnly; SameSite=Lax; Max-Age=${YEAR_SECONDS}${secureCookieAttribute(request)}`,
  };
}
