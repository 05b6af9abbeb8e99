import type { Db } from "../../src/server/db/create-client";

/**
 * The given client, except that its first `failures` calls of `method` fail as they would
 * with the database server down. For testing that background loops ride out an outage.
 */
export function failingFirst(db: Db, method: "$transaction" | "$queryRaw", failures: number): Db {
  let remaining = failures;
  return new Proxy(db, {
    get(target, property) {
      if (property === method && remaining > 0) {
        return () => {
          remaining--;
          return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
