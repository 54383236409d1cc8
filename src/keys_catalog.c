/*
 * What the key catalogue leaves out but the key checks need: the keys of Kafka's
 * Scala clients (removed in Kafka 2.0, still found in old producer and consumer
 * files), and which keys hold secrets that a message must never show.
 */
#include <string.h>
#include "keys_route.h"
#include "banned.h"

/* The Scala clients' own keys (removed with those clients in Kafka 2.0). */
static const struct mm2_keys_old old_keys[] = {
	{"auto.commit.enable", MM2_SCOPE_CONSUMER, "enable.auto.commit"},
	{"consumer.id", MM2_SCOPE_CONSUMER, ""},
	{"consumer.timeout.ms", MM2_SCOPE_CONSUMER, ""},
	{"dual.commit.enabled", MM2_SCOPE_CONSUMER, ""},
	{"fetch.message.max.bytes", MM2_SCOPE_CONSUMER, "max.partition.fetch.bytes"},
	{"fetch.wait.max.ms", MM2_SCOPE_CONSUMER, "fetch.max.wait.ms"},
	{"num.consumer.fetchers", MM2_SCOPE_CONSUMER, ""},
	{"offsets.storage", MM2_SCOPE_CONSUMER, ""},
	{"queued.max.message.chunks", MM2_SCOPE_CONSUMER, ""},
	{"rebalance.backoff.ms", MM2_SCOPE_CONSUMER, ""},
	{"rebalance.max.retries", MM2_SCOPE_CONSUMER, ""},
	{"refresh.leader.backoff.ms", MM2_SCOPE_CONSUMER, ""},
	{"socket.receive.buffer.bytes", MM2_SCOPE_CONSUMER, "receive.buffer.bytes"},
	{"socket.timeout.ms", MM2_SCOPE_CONSUMER, "request.timeout.ms"},
	{"zookeeper.connect", MM2_SCOPE_CONSUMER, "bootstrap.servers"},
	{"zookeeper.connection.timeout.ms", MM2_SCOPE_CONSUMER, ""},
	{"zookeeper.session.timeout.ms", MM2_SCOPE_CONSUMER, ""},
	{"zookeeper.sync.time.ms", MM2_SCOPE_CONSUMER, ""},
	{"batch.num.messages", MM2_SCOPE_PRODUCER, "batch.size"},
	{"compressed.topics", MM2_SCOPE_PRODUCER, ""},
	{"compression.codec", MM2_SCOPE_PRODUCER, "compression.type"},
	{"key.serializer.class", MM2_SCOPE_PRODUCER, "key.serializer"},
	{"message.send.max.retries", MM2_SCOPE_PRODUCER, "retries"},
	{"metadata.broker.list", MM2_SCOPE_PRODUCER, "bootstrap.servers"},
	{"producer.type", MM2_SCOPE_PRODUCER, ""},
	{"queue.buffering.max.messages", MM2_SCOPE_PRODUCER, "buffer.memory"},
	{"queue.buffering.max.ms", MM2_SCOPE_PRODUCER, "linger.ms"},
	{"queue.enqueue.timeout.ms", MM2_SCOPE_PRODUCER, "max.block.ms"},
	{"request.required.acks", MM2_SCOPE_PRODUCER, "acks"},
	{"serializer.class", MM2_SCOPE_PRODUCER, "value.serializer"},
	{"topic.metadata.refresh.interval.ms", MM2_SCOPE_PRODUCER, "metadata.max.age.ms"},
};

const struct mm2_keys_old *mm2_keys_old_find(enum mm2_scope scope, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(old_keys) / sizeof(old_keys[0]); i++)
		if (old_keys[i].scope == scope && strcmp(old_keys[i].name, name) == 0)
			return &old_keys[i];
	return NULL;
}

bool mm2_keys_secret(const struct mm2_catalog *cat, const char *key)
{
	const char *p;

	if (strstr(key, "password") || strstr(key, "secret") || strstr(key, "jaas"))
		return true;
	for (p = key; p; p = strchr(p, '.'), p = p ? p + 1 : NULL) {
		const struct mm2_key *k = mm2_catalog_find_any(cat, p);

		if (k && k->type == MM2_TYPE_PASSWORD)
			return true;
	}
	return false;
}
