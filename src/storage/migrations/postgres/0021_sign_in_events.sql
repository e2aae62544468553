-- Each person's recent sign-ins and refused attempts on their account (decision 35: every
-- refusal is recorded), shown on their own account page; the newest 50 per person are kept.
CREATE TABLE sign_in_events (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  at         BIGINT NOT NULL,
  outcome    TEXT    NOT NULL CHECK (outcome IN ('signed_in', 'single_sign_on', 'wrong_password',
                                                 'rate_limited')),
  address    TEXT    NOT NULL,
  user_agent TEXT    NOT NULL
);
CREATE INDEX sign_in_events_user ON sign_in_events(user_id, at);
