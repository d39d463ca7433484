package io.tickwire.connector.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class PublishErrorsTest {

  @Test
  void retriesEverythingButRecordsKafkaWillNeverTake() {
    assertThat(PublishErrors.isRetriable(new TimeoutException("expired"))).isTrue();
    assertThat(PublishErrors.isRetriable(new NetworkException("down"))).isTrue();
    assertThat(PublishErrors.isRetriable(new NotLeaderOrFollowerException("moved"))).isTrue();
    // not retriable for Kafka, but dropping data is worse than waiting for an operator
    assertThat(PublishErrors.isRetriable(new TopicAuthorizationException("acl"))).isTrue();
    assertThat(PublishErrors.isRetriable(new RecordTooLargeException("2 MB"))).isFalse();
    assertThat(PublishErrors.isRetriable(new SerializationException("bad"))).isFalse();
    assertThat(PublishErrors.isRetriable(new KafkaException(new RecordTooLargeException("big"))))
        .isFalse();
    assertThat(PublishErrors.isRecordRejected(new RecordTooLargeException("big"))).isTrue();
    assertThat(PublishErrors.isRecordRejected(new NetworkException("down"))).isFalse();
  }
}
