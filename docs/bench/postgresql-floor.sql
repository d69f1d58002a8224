-- One bot round trip's durable writes on Parley's schema, as two transactions (see postgresql-floor.sh)
\set now 1764957600000
\set evt random(1, 4000000000000000000)
BEGIN;
WITH c AS (UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = CAST(:now AS BIGINT) WHERE id = 'conv_' || CAST(:client_id AS TEXT) RETURNING id, last_seq)
INSERT INTO timeline (conversation_id, seq, id, at, author_type, author_id, author_name, packet_name, payload, visible_to_contact, client_id)
SELECT id, last_seq, 'itm_' || CAST(:evt AS TEXT), CAST(:now AS BIGINT), 'contact', 'ct_' || CAST(:client_id AS TEXT), NULL, 'message', '{"body":"hello 1234"}', 1, 'cl_' || CAST(:evt AS TEXT) FROM c;
INSERT INTO outbox (lane, kind, event_id, payload, attempts, next_attempt_at, created_at) VALUES ('webhook' || chr(58) || 'conv_' || CAST(:client_id AS TEXT), 'webhook', 'evt_' || CAST(:evt AS TEXT), '{"cid":"cid_X","packet":{"name":"message","payload":{"body":"hello 1234"}}}', 0, CAST(:now AS BIGINT), CAST(:now AS BIGINT));
COMMIT;
BEGIN;
DELETE FROM outbox WHERE id = (SELECT id FROM outbox WHERE lane = 'webhook' || chr(58) || 'conv_' || CAST(:client_id AS TEXT) ORDER BY id LIMIT 1);
WITH c AS (UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = CAST(:now AS BIGINT) WHERE id = 'conv_' || CAST(:client_id AS TEXT) RETURNING id, last_seq)
INSERT INTO timeline (conversation_id, seq, id, at, author_type, author_id, author_name, packet_name, payload, visible_to_contact, client_id)
SELECT id, last_seq, 'itm_r' || CAST(:evt AS TEXT), CAST(:now AS BIGINT), 'bot', 'bot_1', 'Bench bot', 'message', '{"body":"re: hello 1234"}', 1, NULL FROM c;
INSERT INTO deliveries (bot_id, cid, event_id, event_name, attempt, at, latency_ms, status_code, outcome, error, request_body, response_body) VALUES ('bot_1', 'cid_' || CAST(:client_id AS TEXT), 'evt_' || CAST(:evt AS TEXT), 'message', 1, CAST(:now AS BIGINT), 1, 200, 'delivered', NULL, '{"info":{"cid":"cid_X","approach_mode":"normal","context":{},"contact":{"id":"ct_X","name": null,"email": null,"mobile_number": null,"external_customer_id": null,"locale": null,"custom_fields":{},"campaigns": null},"conversation":{"id":"conv_X","url":"http://127.0.0.1/console/conversations/conv_X","subject": null,"topics":[],"locale": null,"custom_fields":{},"created_at":"2026-12-05T18:00:00Z","contact_channel":{"type":"web","state":"valid"}},"widget":{"id":"w","name":"Bench","group":{"id":"g","name":"Bench"},"url": null}},"packet":{"name":"message","payload":{"body":"hello 1234"}}}', '{"info":{"cid":"cid_X"},"packet":{"name":"message","payload":{"body":"re: hello 1234"}}}');
COMMIT;
