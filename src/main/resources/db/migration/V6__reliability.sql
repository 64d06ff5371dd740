-- Signatures of Slack requests already handled: a replayed signed request (same signature within Slack's
-- five-minute window) is answered 200 and not processed again, also when another instance took the first copy.
create table seen_signature (
    signature    varchar(100) not null primary key,
    team_id      varchar(32)  not null,
    user_id      varchar(32)  not null,
    received_at  timestamp with time zone not null
);
create index seen_signature_age on seen_signature (received_at);

-- One row per message the app posts through its delivery path (delivery_id is chosen by the caller, e.g.
-- question:42, report:7). maybe_posted says an earlier attempt may have reached Slack (a timeout, a 5xx): before
-- posting again, the channel is searched for a message carrying this delivery id in its metadata.
-- attempt_started_at is a short lease, so two instances never post the same delivery at the same moment.
create table slack_delivery (
    delivery_id         varchar(200) not null primary key,
    team_id             varchar(32)  not null,
    user_id             varchar(32)  not null,
    channel_id          varchar(64)  not null,
    status              varchar(16)  not null,
    attempts            integer      not null,
    maybe_posted        boolean      not null,
    first_attempt_at    timestamp with time zone,
    attempt_started_at  timestamp with time zone,
    message_ts          varchar(32),
    created_at          timestamp with time zone not null
);
create index slack_delivery_user on slack_delivery (team_id, user_id);

-- A question put to a user by a job that may run twice (a revived reminder, a follow-up after a crash) is created
-- once per request key.
alter table asked_question add column request_key varchar(200);
create unique index asked_question_request on asked_question (team_id, request_key);

-- When a reminder's send was claimed: a claim left by an instance that died mid-send is taken over after a while
-- (the post itself is idempotent, so the reminder is not sent twice).
alter table practice_delivery add column claimed_at timestamp with time zone;
