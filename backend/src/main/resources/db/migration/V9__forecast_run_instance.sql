-- Which instance computes a forecast run or scenario, and when it last said it was alive: a run or scenario left
-- RUNNING by an instance that crashed or was restarted is marked failed at that instance's next start (or by any
-- instance once its heartbeat is stale), never resumed. Its outputs are written in the one transaction that
-- finishes it, so a failed run has none and the last finished run stays the one in force.

ALTER TABLE forecast_run ADD COLUMN instance_id text;
ALTER TABLE forecast_run ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE forecast_scenario ADD COLUMN instance_id text;
ALTER TABLE forecast_scenario ADD COLUMN heartbeat_at timestamptz;

CREATE INDEX forecast_run_running ON forecast_run (status) WHERE status = 'RUNNING';
CREATE INDEX forecast_scenario_running ON forecast_scenario (status) WHERE status = 'RUNNING';
