-- Finished jobs by finish time: the webhook dispatcher looks for recent jobs whose job.completed
-- was never queued (the process died in between), every half minute.
CREATE INDEX jobs_by_finish ON jobs (finished_at_ms);
