package io.tickwire.persist.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Every document of a database, by collection and id, to compare states. */
final class MongoDump {

  private MongoDump() {}

  static Map<String, List<Document>> of(MongoDatabase db) {
    Map<String, List<Document>> dump = new TreeMap<>();
    for (String name : db.listCollectionNames()) {
      dump.put(
          name, db.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }
    return dump;
  }
}
