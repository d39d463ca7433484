package io.tickwire.jobs;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * A target of the distribution that runs some of the stream jobs in one service; a target for a
 * single job takes its name, description and health port offset from the job.
 */
abstract class JobsProvider implements ServiceProvider {

  private final List<Job> jobs;

  JobsProvider(List<Job> jobs) {
    this.jobs = List.copyOf(jobs);
  }

  JobsProvider(Job job) {
    this(List.of(job));
  }

  @Override
  public String name() {
    return jobs.get(0).target;
  }

  @Override
  public String description() {
    return jobs.get(0).description;
  }

  @Override
  public int healthPortOffset() {
    return jobs.get(0).healthPortOffset;
  }

  @Override
  public List<Setting<?>> settings() {
    List<Setting<?>> settings = new ArrayList<>();
    settings.add(StreamJobSettings.STATE_DIR);
    jobs.forEach(job -> settings.addAll(job.settings));
    return settings;
  }

  @Override
  public Service create(ServiceContext context) {
    return new StreamJobsService(jobs.stream().map(job -> job.build(context)).toList(), context);
  }
}
