/**
 * Bytes moved to the old generation by the young collections (scavenges) while `run` ran: what
 * it kept reachable past a collection or two, garbage there until V8's next full collection.
 */
export declare function movedToOldGeneration(run: () => void): number;
