import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { env } from "./config.server";

let client: PrismaClient | undefined;

/** The Prisma client for DATABASE_URL, created once per process. */
export function db(): PrismaClient {
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: env().DATABASE_URL, timeout: 5000 }) });
  }
  return client;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
