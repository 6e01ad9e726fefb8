// What the engine reports about itself: the receiver, the store, health, and the page shape
// every list operation answers with.

export interface ReceiverInfo {
  url: string;
  port: number;
  listening: boolean;
  error: string | null;
}

/** The store's size and the last retention run (Settings shows it). */
export interface StoreInfo {
  /** Bytes of the database file. */
  fileBytes: number;
  /** Bytes in use by data: what the retention size limit measures. */
  dataBytes: number;
  lastRetention: {
    at: number;
    /** `logs`: receiver audit rows, demo delivery attempts and attack-replay handler reports. */
    deleted: { exchanges: number; replays: number; captures: number; logs: number };
  } | null;
}

export interface Health {
  ok: true;
  version: string;
  receiver: ReceiverInfo;
  captures: number;
  dataDir: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
