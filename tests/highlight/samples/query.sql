-- Citations per venue since 2015
SELECT v.name AS venue, COUNT(*) AS n, AVG(p.citations) avg_cites
FROM papers p
  INNER JOIN venues v ON v.id = p.venue_id
WHERE p.year >= 2015 AND p.title NOT LIKE '%survey%' AND p.note <> 'it''s \'quoted\''
GROUP BY v.name
HAVING n > 10
ORDER BY avg_cites DESC
LIMIT 20;

/* schema
   /* nested */ still comment */
CREATE TABLE IF NOT EXISTS "authors" (
  id SERIAL PRIMARY KEY,
  `full name` varchar(200) NOT NULL,
  orcid CHAR(19) UNIQUE,
  joined timestamp DEFAULT CURRENT_TIMESTAMP
);
insert into authors (id, orcid) values (1, "0000-0002-1825-0097"), (2, NULL);
