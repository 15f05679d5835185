-- State of the destinations opsflow calls (io.opsflow.outbound.JdbcDestinationStore), shared by every
-- node on this database: held after a 429 until its Retry-After has passed, gone after a 410 or a
-- deleted webhook until it is repaired (destination-gone task). No URL is stored: the key of a
-- Slack webhook is a hash of its URL, and the name is the environment variable holding it.
create table opsflow_destination_state (
    destination_key varchar(200) not null primary key,
    target_system   varchar(40)  not null,
    owner_id        varchar(63),
    name            varchar(300) not null,
    -- Epoch milliseconds (UTC).
    held_until      bigint,
    held_status     integer,
    held_body       varchar(200),
    gone_since      bigint,
    gone_reason     varchar(300),
    gone_status     integer,
    gone_body       varchar(200)
);
create index opsflow_destination_owner on opsflow_destination_state (owner_id);
