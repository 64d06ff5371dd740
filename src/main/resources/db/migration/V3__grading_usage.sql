-- What each grading cost and how it went: recorded for the LLM bill and for /metrics.
alter table grade add column outcome varchar(16) default 'offline' not null;
alter table grade add column latency_ms bigint default 0 not null;
alter table grade add column llm_calls integer default 0 not null;
alter table grade add column input_tokens bigint default 0 not null;
alter table grade add column output_tokens bigint default 0 not null;
