package com.marketbridge.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's and the process's meters (Micrometer's binders), bound once, when first asked for: binding them loads the
 * JVM's management beans and registers a listener with each garbage collector, which a start need not wait for.
 */
final class JvmMeters implements AutoCloseable {

    private JvmGcMetrics gc;

    synchronized void bind(MeterRegistry registry) {
        if (gc != null) {
            return;
        }
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
    }
}
