-- Channels where any message that is a compensation question gets an answer (opted in with /comp watch).
-- user_id is who opted the channel in.
create table comp_watch (
    team_id     varchar(32) not null,
    channel_id  varchar(64) not null,
    user_id     varchar(32) not null,
    created_at  timestamp with time zone not null,
    primary key (team_id, channel_id)
);
