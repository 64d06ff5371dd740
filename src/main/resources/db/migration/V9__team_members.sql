-- Learners who opted in to a channel's team view (/mock team join): only aggregates over three or more of them are shown.
create table team_member (
    team_id     varchar(32)  not null,
    user_id     varchar(32)  not null,
    channel_id  varchar(64)  not null,
    joined_at   timestamp with time zone not null,
    primary key (team_id, channel_id, user_id)
);
