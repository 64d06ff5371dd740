-- A learner's own rating (1-5) of an answer, given while it is graded or later: progress compares it with the grade.
create table self_rating (
    team_id     varchar(32)  not null,
    user_id     varchar(32)  not null,
    answer_id   bigint       not null,
    rating      integer      not null,
    rated_at    timestamp with time zone not null,
    primary key (team_id, user_id, answer_id)
);
