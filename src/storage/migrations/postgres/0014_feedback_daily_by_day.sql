-- NPS reads the daily roll-up of one workspace over a range of days. This index holds exactly
-- those rows in day order with every column the roll-up query reads (index-only scans once the
-- table is vacuumed), so grouping by day needs no sort.
CREATE INDEX feedback_daily_by_day
  ON feedback_daily(workspace_id, day) INCLUDE (survey_id, channel, promoters, passives, detractors);
