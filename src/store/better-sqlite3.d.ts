/**
 * Minimal typings for the parts of better-sqlite3 the migrator and the search functions use (@types/better-sqlite3 is not installed).
 */
declare module "better-sqlite3" {
  interface Statement {
    run(...params: unknown[]): { changes: number };
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  interface Database {
    prepare(sql: string): Statement;
    exec(sql: string): Database;
    pragma(sql: string, options?: { simple?: boolean }): unknown;
    function(name: string, options: { deterministic?: boolean }, fn: (...args: unknown[]) => unknown): Database;
    close(): void;
    readonly inTransaction: boolean;
  }
  interface DatabaseConstructor {
    new (filename: string, options?: { timeout?: number; readonly?: boolean; fileMustExist?: boolean }): Database;
  }
  const Database: DatabaseConstructor;
  export default Database;
}
