export declare const cacheDir: string;
export declare function ensureNeo4jJars(options?: { quiet?: boolean }): { lib: string; classes: string };
