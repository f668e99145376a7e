// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap in use at one moment: the heap pools' usage just before each collection (when the heap is fullest),
 * added up per collection. Adding up each pool's own peak would overstate it (the young pools peak at other times
 * than the old one) and can even exceed -Xmx.
 */
final class HeapPeak {

	private final AtomicLong peak = new AtomicLong();
	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

	private HeapPeak() {
	}

	/** Starts watching the collections of this JVM. */
	static HeapPeak watch() {
		HeapPeak h = new HeapPeak();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
					var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
					h.record(info.getGcInfo().getMemoryUsageBeforeGc());
				}
			}, null, null);
		}
		return h;
	}

	private void record(Map<String, MemoryUsage> byPool) {
		long used = byPool.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
				.mapToLong(e -> e.getValue().getUsed()).sum();
		peak.accumulateAndGet(used, Math::max);
	}

	/** The peak so far in MiB, the heap in use now included. */
	long mib() {
		peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
		return peak.get() >> 20;
	}
}
