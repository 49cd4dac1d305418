export declare const venvDir: string;
export declare function venvBin(tool: string): string;
export declare function ensureTestVenv(options?: { quiet?: boolean }): string;
