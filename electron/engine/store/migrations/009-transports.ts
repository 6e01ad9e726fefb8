// Migration 9: the A2A transport. Per agent, the transport the user chose (JSONRPC, HTTP+JSON
// or GRPC; NULL = the card's first interface Switchboard speaks); per wire-log exchange, the
// transport it went over (NULL on rows written before: they were all JSON-RPC).
export const transportsMigration = {
  version: 9,
  name: 'transports',
  sql: `ALTER TABLE agents ADD COLUMN transport TEXT;
ALTER TABLE a2a_wire ADD COLUMN transport TEXT;`,
};
