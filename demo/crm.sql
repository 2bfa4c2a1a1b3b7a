-- A small CRM, generated deterministically: customers, their journey of
-- touchpoints and a year of survey answers (2025-12-01 .. 2026-11-30).
--
-- Each customer has a latent attitude; each touchpoint has its own quality;
-- support gets slowly worse over the year and delivery better, so the trend
-- and the drivers have something to find.
SET max_parallel_workers_per_gather = 0;   -- random() in one order: same data every run
SELECT setseed(0.1995);

CREATE TABLE customers (
    customer_id    int PRIMARY KEY,
    name           text NOT NULL,
    region         text NOT NULL,
    annual_revenue numeric(12, 2) NOT NULL,
    attitude       float8 NOT NULL,      -- hidden: how the customer leans
    lock_in        float8 NOT NULL       -- hidden: switching costs (contracts, integrations)
);

INSERT INTO customers
SELECT i,
       'Customer ' || lpad(i::text, 4, '0'),
       (ARRAY['North', 'South', 'East', 'West'])[1 + (i * 7) % 4],
       round((2000 + 48000 * random() ^ 3)::numeric, 2),
       (random() + random() + random() - 1.5) * 2.2,
       CASE WHEN random() < 0.2 THEN 1.0 + random() ELSE 0.0 END
FROM generate_series(1, 2000) i;

CREATE TABLE touchpoints (
    touchpoint text PRIMARY KEY,
    step       int NOT NULL,
    quality    float8 NOT NULL,    -- hidden: how good the company is here
    drift      float8 NOT NULL     -- hidden: change in quality per year
);
INSERT INTO touchpoints VALUES
    ('need',     1,  0.6,  0.0),
    ('offer',    2,  0.3,  0.0),
    ('order',    3,  0.8,  0.0),
    ('delivery', 4, -0.4,  0.8),
    ('invoice',  5,  0.1,  0.0),
    ('support',  6, -0.2, -1.6);

CREATE TABLE responses (
    response_id  bigserial PRIMARY KEY,
    customer_id  int NOT NULL REFERENCES customers,
    touchpoint   text NOT NULL REFERENCES touchpoints,
    answered_at  timestamptz NOT NULL,
    recommend    smallint CHECK (recommend BETWEEN 0 AND 10),     -- 0..10 likelihood to recommend
    effort       smallint CHECK (effort BETWEEN 1 AND 7),         -- CES 2.0: 7 = very easy
    satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),   -- CSAT 1..5
    repurchase   smallint CHECK (repurchase BETWEEN 0 AND 10),    -- likelihood to buy again
    cross_buy    smallint CHECK (cross_buy BETWEEN 0 AND 10)      -- likelihood to buy other products
);

-- About 24 surveyed touchpoint visits per customer over the year; some
-- questions are skipped (NULL).
INSERT INTO responses (customer_id, touchpoint, answered_at, recommend, effort, satisfaction,
                       repurchase, cross_buy)
SELECT customer_id, touchpoint, answered_at,
       CASE WHEN random() < 0.97 THEN greatest(0, least(10, round(7.1 + 1.9 * feel + random() * 1.2 - 0.6))) END,
       CASE WHEN random() < 0.90 THEN greatest(1, least(7, round(4.9 + 1.3 * feel + random() - 0.5))) END,
       CASE WHEN random() < 0.95 THEN greatest(1, least(5, round(3.6 + 0.9 * feel + random() - 0.5))) END,
       CASE WHEN random() < 0.60 THEN greatest(0, least(10, round(6.8 + 1.7 * feel + random() * 2 - 1))) END,
       CASE WHEN random() < 0.40 THEN greatest(0, least(10, round(5.5 + 1.5 * feel + random() * 2 - 1))) END
FROM (
    SELECT customer_id, touchpoint,
           timestamptz '2025-12-01 08:00+00' + u_day * 364 * interval '1 day'
             + u_hour * 10 * interval '1 hour' AS answered_at,
           attitude + quality + drift * (u_day - 0.5) + noise * 0.9 AS feel
    FROM (
        -- Every random number is drawn here, once per row: OFFSET 0 keeps
        -- the planner from pushing random() down to a single evaluation.
        SELECT c.customer_id, c.attitude, t.touchpoint, t.step, t.quality, t.drift,
               random() AS u_keep, random() AS u_day, random() AS u_hour,
               random() + random() - 1.0 AS noise
        FROM customers c
        CROSS JOIN generate_series(1, 4) visit
        CROSS JOIN touchpoints t
        OFFSET 0
    ) draws
    WHERE u_keep < 1.0 - 0.07 * step      -- fewer customers reach the later steps
) visits
ORDER BY answered_at;

CREATE INDEX ON responses (answered_at);

-- The quarterly relationship survey: overall satisfaction, likelihood to
-- recommend, to buy again and to buy other products.  The overall view is
-- driven by how each touchpoint went for the customer that quarter, with
-- hidden weights (support and delivery matter most, need least); switching
-- costs keep some dissatisfied customers recommending ("hostages").
CREATE TABLE relationship_survey (
    customer_id  int NOT NULL REFERENCES customers,
    quarter      date NOT NULL,          -- first day of the quarter (Dec-Feb, Mar-May, ...)
    answered_at  timestamptz NOT NULL,
    satisfaction smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    recommend    smallint NOT NULL CHECK (recommend BETWEEN 0 AND 10),
    repurchase   smallint CHECK (repurchase BETWEEN 0 AND 10),
    cross_buy    smallint CHECK (cross_buy BETWEEN 0 AND 10),
    PRIMARY KEY (customer_id, quarter)
);

INSERT INTO relationship_survey
SELECT customer_id, quarter, quarter + interval '80 days' + u_hour * interval '8 hours',
       greatest(1, least(5, round(3.4 + 0.9 * overall + n1))),
       greatest(0, least(10, round(6.7 + 1.9 * overall + 2.4 * lock_in + 1.5 * n2))),
       CASE WHEN u_rep < 0.8 THEN greatest(0, least(10, round(6.5 + 1.6 * overall + 2.8 * lock_in + 1.5 * n3))) END,
       CASE WHEN u_cross < 0.6 THEN greatest(0, least(10, round(5.0 + 1.4 * overall + 1.5 * n3))) END
FROM (
    SELECT c.customer_id, q.quarter, c.lock_in,
           0.45 * c.attitude
             + 0.55 * coalesce(e.support, 0) + 0.45 * coalesce(e.delivery, 0)
             + 0.25 * coalesce(e.order_, 0) + 0.15 * coalesce(e.offer, 0)
             + 0.10 * coalesce(e.invoice, 0) + 0.05 * coalesce(e.need, 0) AS overall,
           random() - 0.5 AS n1, random() + random() - 1 AS n2, random() + random() - 1 AS n3,
           random() AS u_hour, random() AS u_rep, random() AS u_cross, random() AS u_ask
    FROM customers c
    CROSS JOIN (SELECT (date '2025-12-01' + k * interval '3 months')::date AS quarter
                FROM generate_series(0, 3) k) q
    LEFT JOIN LATERAL (
        -- how each touchpoint went that quarter: mean satisfaction, centred
        SELECT avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'support')  AS support,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'delivery') AS delivery,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'order')    AS order_,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'offer')    AS offer,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'invoice')  AS invoice,
               avg(r.satisfaction - 3.6) FILTER (WHERE r.touchpoint = 'need')     AS need
        FROM responses r
        WHERE r.customer_id = c.customer_id
          AND r.answered_at >= q.quarter AND r.answered_at < q.quarter + interval '3 months'
    ) e ON true
    OFFSET 0
) x
WHERE u_ask < 0.85;                        -- 85% answer each quarter

ANALYZE customers, touchpoints, responses, relationship_survey;

-- The stored daily summaries that reports roll up: one row per day and
-- touchpoint, whatever the number of answers.
CREATE TABLE daily_summary AS
SELECT (answered_at AT TIME ZONE 'UTC')::date AS day, touchpoint,
       nps_agg(recommend)       AS recommend,
       effort_agg(effort)       AS effort,
       csat_agg(satisfaction)   AS satisfaction
FROM responses
GROUP BY 1, 2;
ALTER TABLE daily_summary ADD PRIMARY KEY (day, touchpoint);
ANALYZE daily_summary;

-- Stores: 200 of them, each with a post-visit survey ("How likely are you to
-- recommend this store?"), 40 to 80 answers a week, over the last five weeks
-- of the year (Monday 2026-10-26 .. Sunday 2026-11-29).  Each store has its
-- own level; in the last week a handful really change (hidden: store_change),
-- every other store only moves by chance.
CREATE TABLE stores (
    store_id     int PRIMARY KEY,
    name         text NOT NULL,
    region       text NOT NULL,
    quality      float8 NOT NULL,      -- hidden: how good the store is
    store_change float8 NOT NULL       -- hidden: what happened in the last week
);
INSERT INTO stores
SELECT i,
       'Store ' || lpad(i::text, 3, '0'),
       (ARRAY['North', 'South', 'East', 'West'])[1 + (i * 3) % 4],
       (random() + random() + random() - 1.5) * 0.6,
       CASE WHEN i % 40 = 7 THEN -0.6        -- 5 stores get worse
            WHEN i % 67 = 12 THEN 0.5        -- 3 get better
            ELSE 0 END
FROM generate_series(1, 200) i;

CREATE TABLE store_visits (
    visit_id    bigserial PRIMARY KEY,
    store_id    int NOT NULL REFERENCES stores,
    answered_at timestamptz NOT NULL,
    recommend   smallint NOT NULL CHECK (recommend BETWEEN 0 AND 10)
);
INSERT INTO store_visits (store_id, answered_at, recommend)
SELECT store_id, week + u_t * interval '7 days',
       greatest(0, least(10, round(7.3 + 1.9 * feel + random() * 1.2 - 0.6)))
FROM (
    SELECT s.store_id, w.week, random() AS u_t,
           s.quality + CASE WHEN w.week = timestamptz '2026-11-23 00:00+00' THEN s.store_change ELSE 0 END
             + (random() + random() + random() - 1.5) * 1.4 AS feel
    FROM stores s
    CROSS JOIN (SELECT timestamptz '2026-10-26 00:00+00' + k * interval '7 days' AS week
                FROM generate_series(0, 4) k) w
    CROSS JOIN LATERAL generate_series(1, 40 + (s.store_id * 7 + (extract(epoch FROM w.week) / 604800)::int) % 41) v
    OFFSET 0
) x;
ANALYZE stores, store_visits;

-- The weekly summaries per store that the report reads: one small row per
-- store and week, whatever the number of answers.
CREATE TABLE store_weekly AS
SELECT store_id, (date_trunc('week', answered_at AT TIME ZONE 'UTC'))::date AS week,
       nps_agg(recommend) AS recommend
FROM store_visits
GROUP BY 1, 2;
ALTER TABLE store_weekly ADD PRIMARY KEY (store_id, week);
ANALYZE store_weekly;

-- Free-text comments, in the customer's language.  About a third of the
-- answers come with one, more often from unhappy customers, pieced together
-- from phrases that fit the touchpoint and the score: a detractor at
-- delivery writes about late deliveries, at invoice about wrong invoices,
-- at support about nobody answering (the hidden problems above); promoters
-- praise.  Every random number here is drawn after all those above, so
-- the figures above are the same with or without the comments.
ALTER TABLE customers ADD COLUMN language regconfig;    -- the language they write in
UPDATE customers c
SET language = CASE WHEN d.u < 0.45 THEN 'swedish' WHEN d.u < 0.75 THEN 'norwegian' ELSE 'english' END::regconfig
FROM (SELECT customer_id, random() AS u FROM customers ORDER BY customer_id OFFSET 0) d
WHERE d.customer_id = c.customer_id;
ALTER TABLE customers ALTER COLUMN language SET NOT NULL;

-- The phrases, the same meaning in each language: kind is the touchpoint
-- and '-' detractor (0-6), '~' passive (7-8), '+' promoter (9-10); 'praise'
-- and 'gripe' are a second sentence of promoters and detractors, 'filler'
-- anyone's.
CREATE TEMP TABLE phrases (
    phrase_id serial PRIMARY KEY,
    kind      text NOT NULL,
    swedish   text NOT NULL,
    norwegian text NOT NULL,
    english   text NOT NULL
);
INSERT INTO phrases (kind, swedish, norwegian, english) VALUES
    ('delivery-', 'Leveransen kom tre dagar för sent.',
                  'Leveringen kom tre dager for sent.',
                  'The delivery came three days late.'),
    ('delivery-', 'Leveransen blev försenad igen, utan förklaring.',
                  'Leveringen ble forsinket igjen, uten forklaring.',
                  'Delivery delayed again, without explanation.'),
    ('delivery-', 'Leveranserna är nästan alltid försenade.',
                  'Leveringene er nesten alltid forsinket.',
                  'Deliveries are almost always late.'),
    ('delivery-', 'Leveransen dröjde en hel vecka.',
                  'Leveringen tok en hel uke.',
                  'The delivery took a whole week.'),
    ('delivery-', 'Sena leveranser, utan besked om förseningen.',
                  'Sene leveringer, uten beskjed om forsinkelsen.',
                  'Late deliveries, without a word about the delay.'),
    ('delivery-', 'Leveransen kom inte på den avtalade dagen.',
                  'Leveringen kom ikke på den avtalte dagen.',
                  'The delivery did not come on the agreed day.'),
    ('delivery~', 'Leveransen kunde ha gått snabbare.',
                  'Leveringen kunne ha gått raskere.',
                  'Delivery could have been quicker.'),
    ('delivery~', 'Leveransen kom en dag för sent, men annars okej.',
                  'Leveringen kom en dag for sent, men ellers greit.',
                  'The delivery was a day late, but otherwise fine.'),
    ('delivery~', 'Helt okej leverans.',
                  'Helt grei levering.',
                  'Delivery was okay.'),
    ('delivery~', 'Varorna kom, till slut.',
                  'Varene kom, til slutt.',
                  'The goods arrived, eventually.'),
    ('delivery+', 'Snabb leverans!',
                  'Rask levering!',
                  'Fast delivery!'),
    ('delivery+', 'Leveransen kom i tid.',
                  'Leveringen kom i tide.',
                  'The delivery arrived on time.'),
    ('delivery+', 'Allt levererades dagen efter beställningen.',
                  'Alt ble levert dagen etter bestillingen.',
                  'Everything was delivered the day after we ordered.'),
    ('delivery+', 'Smidig leverans, bra förpackat.',
                  'Smidig levering, godt pakket.',
                  'Smooth delivery, well packed.'),
    ('invoice-', 'Fel på fakturan igen.',
                 'Feil på fakturaen igjen.',
                 'The invoice was wrong again.'),
    ('invoice-', 'Fel belopp på varje faktura.',
                 'Feil beløp på fakturaene.',
                 'Wrong amount on every invoice.'),
    ('invoice-', 'Fakturorna är felaktiga varje månad.',
                 'Fakturaene er feil hver måned.',
                 'The invoices are incorrect every month.'),
    ('invoice-', 'Vi har fått en faktura för något vi aldrig beställt.',
                 'Vi fikk fakturaer for noe vi aldri har bestilt.',
                 'We were invoiced for something we never ordered.'),
    ('invoice-', 'Felaktig faktura och krångligt att få en kreditnota.',
                 'Feil i fakturaen, og tungvint å få kreditnota.',
                 'Billing errors, and a hassle to get a credit note.'),
    ('invoice-', 'Fel på fakturorna, vi har betalat dubbelt.',
                 'Feil på fakturaene, vi måtte betale dobbelt.',
                 'Wrong invoice, we had to pay twice.'),
    ('invoice~',  'Fakturan var lite svår att förstå.',
                  'Fakturaen var litt vanskelig å forstå.',
                  'The invoice was a bit hard to follow.'),
    ('invoice~',  'Fakturorna kunde vara tydligare.',
                  'Fakturaene kunne vært tydeligere.',
                  'The invoices could be clearer.'),
    ('invoice~',  'Betalningsvillkoren är okej.',
                  'Betalingsbetingelsene er greie.',
                  'Payment terms are fine.'),
    ('invoice~',  'Inget särskilt att anmärka.',
                  'Ikke noe spesielt å utsette.',
                  'Nothing in particular to add.'),
    ('invoice+',  'Tydliga fakturor.',
                  'Tydelige fakturaer.',
                  'Clear invoices.'),
    ('invoice+',  'Enkel fakturering.',
                  'Enkel fakturering.',
                  'Easy billing.'),
    ('invoice+',  'Fakturan stämde, som alltid.',
                  'Fakturaen stemte, som alltid.',
                  'The invoice was correct, as always.'),
    ('support-', 'Ingen svarade på supporten.',
                 'Ingen svarer på kundeservice.',
                 'Nobody answered when we called support.'),
    ('support-', 'Väntade i telefonkön i 40 minuter.',
                 'Ventet i telefonkøen i 40 minutter.',
                 'Waited on the phone for 40 minutes.'),
    ('support-', 'Fick aldrig svar på mitt mejl till supporten.',
                 'Fikk aldri svar på e-posten min til kundeservice.',
                 'Never got an answer to my email to support.'),
    ('support-', 'Supporten svarar inte, vi har väntat i två veckor.',
                 'Kundeservice svarer ikke, vi har ventet i to uker.',
                 'Support does not answer, we have been waiting for two weeks.'),
    ('support-', 'Ringde supporten flera gånger utan att någon svarade.',
                 'Ringte kundeservice flere ganger uten å få svar.',
                 'Called support several times and nobody picked up.'),
    ('support-', 'Inget svar från supporten, ärendet är fortfarande öppet.',
                 'Ikke noe svar fra kundeservice, saken er fortsatt åpen.',
                 'No reply from support, the ticket is still open.'),
    ('support~',  'Supporten var okej, men det tog tid att få svar.',
                  'Kundeservice var grei, men det tok tid å få svar.',
                  'Support was okay, but it took a while to get an answer.'),
    ('support~',  'Fick hjälp till slut.',
                  'Fikk hjelp til slutt.',
                  'Got help in the end.'),
    ('support~',  'Supporten löste det efter några dagar.',
                  'Kundeservice løste det etter noen dager.',
                  'Support sorted it out after a few days.'),
    ('support+',  'Snabbt svar från supporten.',
                  'Raskt svar fra kundeservice.',
                  'Quick answer from support.'),
    ('support+',  'Trevlig personal i supporten som löste problemet direkt.',
                  'Hyggelig personale i kundeservice som løste problemet med en gang.',
                  'Friendly support staff who fixed the problem right away.'),
    ('support+',  'Mycket hjälpsam support.',
                  'Veldig hjelpsom kundeservice.',
                  'Very helpful support.'),
    ('support+',  'Fick hjälp på en gång när jag ringde.',
                  'Fikk hjelp med en gang da jeg ringte.',
                  'Got help straight away when I called.'),
    ('need-',     'Säljaren lyssnade inte på vad vi behövde.',
                  'Selgeren hørte ikke på hva vi trengte.',
                  'The salesperson did not listen to what we needed.'),
    ('need-',     'Ni förstod inte vårt behov.',
                  'Dere forsto ikke behovet vårt.',
                  'You did not understand our needs.'),
    ('need-',     'Svårt att hitta rätt produkt.',
                  'Vanskelig å finne riktig produkt.',
                  'Hard to find the right product.'),
    ('need-',     'Säljarna brydde sig inte om vår verksamhet.',
                  'Selgerne brydde seg ikke om virksomheten vår.',
                  'The sales team did not care about our business.'),
    ('need+',     'Bra rådgivning.',
                  'God rådgivning.',
                  'Good advice.'),
    ('need+',     'Kunnig säljare som förstod vad vi behövde.',
                  'Kunnskapsrik selger som forsto hva vi trengte.',
                  'Knowledgeable salesperson who understood what we needed.'),
    ('need+',     'Bra hjälp att hitta rätt lösning.',
                  'God hjelp til å finne riktig løsning.',
                  'Great help finding the right solution.'),
    ('offer-',    'För dyrt jämfört med konkurrenterna.',
                  'For dyrt sammenlignet med konkurrentene.',
                  'Too expensive compared with the competition.'),
    ('offer-',    'Offerten tog lång tid att få.',
                  'Tilbudet tok lang tid å få.',
                  'The quote took ages to arrive.'),
    ('offer-',    'Otydlig offert med dolda avgifter.',
                  'Uklart tilbud med skjulte gebyrer.',
                  'Unclear quote with hidden fees.'),
    ('offer-',    'Priserna har gått upp för mycket.',
                  'Prisene har gått for mye opp.',
                  'Prices have gone up too much.'),
    ('offer+',    'Bra priser.',
                  'Gode priser.',
                  'Good prices.'),
    ('offer+',    'Prisvärt och en tydlig offert.',
                  'Rimelig og et tydelig tilbud.',
                  'Good value and a clear quote.'),
    ('offer+',    'Bästa priset på marknaden.',
                  'Beste pris på markedet.',
                  'Best price on the market.'),
    ('order-',    'Krångligt att beställa på webben.',
                  'Tungvint å bestille på nettsiden.',
                  'Ordering on the website is clumsy.'),
    ('order-',    'Webbshoppen krånglade när vi skulle beställa.',
                  'Nettbutikken hang seg da vi skulle bestille.',
                  'The web shop crashed when we tried to order.'),
    ('order-',    'Orderbekräftelsen kom aldrig.',
                  'Ordrebekreftelsen kom aldri.',
                  'The order confirmation never came.'),
    ('order-',    'Varan var slut i lager fast det stod något annat.',
                  'Varen var utsolgt selv om det sto noe annet.',
                  'The item was out of stock although the site said otherwise.'),
    ('order+',    'Smidig beställning.',
                  'Smidig bestilling.',
                  'Smooth ordering.'),
    ('order+',    'Enkelt att beställa på webben.',
                  'Enkelt å bestille på nettsiden.',
                  'Easy to order on the website.'),
    ('order+',    'Orderbekräftelsen kom direkt.',
                  'Ordrebekreftelsen kom med en gang.',
                  'The order confirmation came right away.'),
    ('other~',    'Helt okej.',
                  'Helt greit.',
                  'All right.'),
    ('other~',    'Inget särskilt att säga.',
                  'Ikke noe spesielt å si.',
                  'Nothing special to say.'),
    ('other~',    'Det fungerar.',
                  'Det fungerer.',
                  'It works.'),
    ('other~',    'Som förväntat.',
                  'Som forventet.',
                  'As expected.'),
    ('other~',    'Ganska bra, men det finns saker att förbättra.',
                  'Ganske bra, men det er ting å forbedre.',
                  'Fairly good, but there is room for improvement.'),
    ('praise',    'Trevlig personal.',
                  'Hyggelig personale.',
                  'Friendly staff.'),
    ('praise',    'Mycket nöjd!',
                  'Veldig fornøyd!',
                  'Very happy!'),
    ('praise',    'Bra service.',
                  'God service.',
                  'Great service.'),
    ('praise',    'Rekommenderas varmt.',
                  'Anbefales på det varmeste.',
                  'Highly recommended.'),
    ('praise',    'Alltid lika trevligt bemötande.',
                  'Alltid like hyggelig mottakelse.',
                  'Always a friendly welcome.'),
    ('gripe',     'Mycket besviken.',
                  'Veldig skuffet.',
                  'Very disappointed.'),
    ('gripe',     'Inte första gången.',
                  'Ikke første gang.',
                  'Not the first time.'),
    ('gripe',     'Vi funderar på att byta leverantör.',
                  'Vi vurderer å bytte leverandør.',
                  'We are thinking of switching supplier.'),
    ('gripe',     'Dålig service.',
                  'Dårlig service.',
                  'Poor service.'),
    ('gripe',     'Ni måste skärpa er.',
                  'Dere må skjerpe dere.',
                  'You need to do better.'),
    ('filler',    'Tack för frågan.',
                  'Takk for spørsmålet.',
                  'Thanks for asking.'),
    ('filler',    'Vi har varit kunder i många år.',
                  'Vi har vært kunder i mange år.',
                  'We have been customers for many years.'),
    ('filler',    'Gäller vårt kontor i Göteborg.',
                  'Gjelder kontoret vårt i Bergen.',
                  'This is about our Manchester office.'),
    ('filler',    'Skriver för hela inköpsavdelningen.',
                  'Skriver for hele innkjøpsavdelingen.',
                  'Writing on behalf of the whole purchasing team.'),
    ('filler',    'Hälsningar från ekonomiavdelningen.',
                  'Hilsen økonomiavdelingen.',
                  'Regards from the finance team.'),
    ('filler',    'Mvh',
                  'Mvh',
                  'Cheers');

-- One list per kind and language, to pick from by index.
CREATE TEMP TABLE phrase_lists AS
SELECT kind, l.language, array_agg(l.phrase ORDER BY phrase_id) AS texts
FROM phrases
CROSS JOIN LATERAL (VALUES ('swedish'::regconfig, swedish), ('norwegian', norwegian),
                           ('english', english)) l(language, phrase)
GROUP BY 1, 2;

ALTER TABLE responses ADD COLUMN comment text;          -- free text, NULL when none
UPDATE responses r
SET comment = w.comment
FROM (
    SELECT x.response_id,
           concat_ws(' ', m.texts[1 + floor(x.u_main * cardinality(m.texts))::int],
                          CASE WHEN x.u_second < 0.25 THEN s.texts[1 + floor(x.u_second_pick * cardinality(s.texts))::int] END,
                          CASE WHEN x.u_filler < 0.15 THEN f.texts[1 + floor(x.u_filler_pick * cardinality(f.texts))::int] END) AS comment
    FROM (
        -- every answer draws its six numbers, in answer order, commented or not
        SELECT response_id, random() AS u_comment, random() AS u_main, random() AS u_second,
               random() AS u_second_pick, random() AS u_filler, random() AS u_filler_pick
        FROM responses ORDER BY response_id OFFSET 0
    ) x
    JOIN responses a USING (response_id)
    JOIN customers c USING (customer_id)
    CROSS JOIN LATERAL (SELECT CASE WHEN a.recommend >= 9 THEN '+'
                                    WHEN a.recommend >= 7 OR a.recommend IS NULL THEN '~'
                                    ELSE '-' END AS mood) k
    JOIN phrase_lists m
      ON m.language = c.language
     AND m.kind = CASE WHEN k.mood = '~' AND a.touchpoint NOT IN ('delivery', 'invoice', 'support') THEN 'other~'
                       ELSE a.touchpoint || k.mood END
    LEFT JOIN phrase_lists s
      ON s.language = c.language AND s.kind = CASE k.mood WHEN '+' THEN 'praise' WHEN '-' THEN 'gripe' END
    JOIN phrase_lists f ON f.language = c.language AND f.kind = 'filler'
    -- who writes: detractors most, above all about a concrete problem
    WHERE x.u_comment < CASE WHEN k.mood = '-' AND a.touchpoint IN ('delivery', 'invoice', 'support') THEN 0.65
                             WHEN k.mood = '-' THEN 0.45
                             WHEN k.mood = '+' THEN 0.30
                             ELSE 0.20 END
) w
WHERE r.response_id = w.response_id;
VACUUM ANALYZE customers, responses;

-- The stored daily theme summaries: per day and language, the score
-- distribution of all answers and of those whose comment mentions each
-- term, as stemmed by that language's text search configuration.
CREATE TABLE daily_themes AS
SELECT (r.answered_at AT TIME ZONE 'UTC')::date AS day, c.language,
       term_ratings_agg(to_tsvector(c.language, r.comment), r.recommend) AS themes
FROM responses r JOIN customers c USING (customer_id)
GROUP BY 1, 2;
ALTER TABLE daily_themes ADD PRIMARY KEY (day, language);
ANALYZE daily_themes;
