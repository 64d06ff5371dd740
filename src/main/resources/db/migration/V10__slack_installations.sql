-- Multi-workspace install (OAuth v2). Used only when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and COACH_TOKEN_KEY
-- are set; single-workspace token mode leaves these tables empty.

-- One row per workspace the app is installed in. Tokens are stored encrypted (AES-256-GCM, a random 12-byte IV
-- each, the team id as associated data), as "v1:" + base64(iv || ciphertext || tag): never in plaintext.
create table slack_installation (
    team_id               varchar(32)  not null primary key,
    enterprise_id         varchar(32),
    app_id                varchar(32),
    bot_id                varchar(32),
    bot_user_id           varchar(32),
    bot_scopes            varchar(2000),
    bot_token_enc         varchar(1000) not null,
    bot_refresh_token_enc varchar(1000),
    bot_token_expires_at  bigint,
    installer_user_id     varchar(32),
    installed_at          timestamp with time zone not null
);

-- OAuth state parameters issued by GET /slack/install: each is accepted once (deleted on return) before it expires.
create table slack_oauth_state (
    state       varchar(100) not null primary key,
    expires_at  timestamp with time zone not null
);
create index slack_oauth_state_expiry on slack_oauth_state (expires_at);

-- A known value encrypted with COACH_TOKEN_KEY when the first key was used: start-up decrypts it, so a different
-- key stops the app with a clear message instead of failing every workspace's requests later.
create table slack_token_key_check (
    id           integer      not null primary key,
    check_value  varchar(200) not null,
    created_at   timestamp with time zone not null
);
