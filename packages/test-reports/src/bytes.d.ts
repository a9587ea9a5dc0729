/** The byte arrays one after another, as one new array. */
export declare function concatBytes(...parts: readonly Uint8Array[]): Uint8Array;
