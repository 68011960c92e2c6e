/** Types of ports.mjs, for playwright.config.ts. */
export declare function freePort(): Promise<number>
