/** Where train-probe.ts leaves each ChatProtect pair's out-of-fold probe margin for train-severity.ts. */
export const PROBE_OOF_FILE = '.cache/probe-oof.json';

/** The key of a pair in that file. */
export const probeKey = (orig: string, alt: string) => `${orig}\u0000${alt}`;
