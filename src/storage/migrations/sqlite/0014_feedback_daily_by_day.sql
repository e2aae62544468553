-- NPS reads the daily roll-up of one workspace over a range of days. This index holds exactly
-- those rows in day order with every column the roll-up query reads, so SQLite scans it alone
-- (no table lookups) and groups by day without sorting (5.6 ms instead of 14.6 ms for a year of
-- 20 surveys x 5 channels on the bench machine).
CREATE INDEX feedback_daily_by_day
  ON feedback_daily(workspace_id, day, survey_id, channel, promoters, passives, detractors);
