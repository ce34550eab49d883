-- platform is iOS, Android or Web once normalised.
-- @model stg_events
SELECT platform, count(*) AS events FROM stg_events
WHERE platform IS NULL OR platform NOT IN ('iOS', 'Android', 'Web')
GROUP BY platform
