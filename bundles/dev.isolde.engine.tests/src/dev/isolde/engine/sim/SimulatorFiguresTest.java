// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.RestrictedSpaceBuilder;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Pins every figure of every strategy's result on fixed workloads, as the simulator computed them before its hot
 * loop was rewritten for speed: a faster loop must not change a single count, cycle, window or exposed object. Lists
 * (windows, exit and exposed objects) are pinned by the hash of their full text, so a change shows which list moved.
 */
class SimulatorFiguresTest {
    /** One line per run: model, machine, workload, CPUs, strategy, then the figures (see {@link #line}). */
    private static final String RECORDED = """
            rfc rfc2022 vmexit-storm 4 CPUs asi:
              events 20000 accesses 13864 exits 244/0/0 mitigation 1916900 cycles 6294100 returns 3066 unflushed 0/0
              windows 2973/11569/778450 flushes 0/0/244/244/488/244/127 worst 0/1/vm1/16906-16918/5100 lists 00000b62 1b4bc3c7 cad75afa cad75afa 00000b62
            rfc rfc2022 vmexit-storm 4 CPUs always_flush:
              events 20000 accesses 13864 exits 0/0/0 mitigation 10731000 cycles 15108200 returns 3066 unflushed 0/0
              windows 0/0/0 flushes 0/0/3066/3066/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 vmexit-storm 4 CPUs core_scheduling:
              events 20000 accesses 13864 exits 0/0/0 mitigation 1820000 cycles 6197200 returns 3066 unflushed 3066/0
              windows 0/0/0 flushes 0/0/0/0/0/461/2225 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 vmexit-storm 4 CPUs kernel_core_scheduling:
              events 20000 accesses 13864 exits 244/0/0 mitigation 852600 cycles 5229800 returns 3066 unflushed 0/0
              windows 0/0/0 flushes 0/0/244/0/0/33/127 worst - lists 00000b62 00000b62 cad75afa cad75afa 00000b62
            rfc rfc2022 vmexit-storm 4 CPUs none:
              events 20000 accesses 13864 exits 0/0/0 mitigation 0 cycles 4377200 returns 3066 unflushed 3066/0
              windows 3066/12022/660300 flushes 0/0/0/0/0/0/0 worst 0/1/vm1/13134-13166/2700 lists 00000b62 4b157131 00000b62 00000b62 f38cbc07
            rfc rfc2022 io-heavy-vm 4 CPUs asi:
              events 20000 accesses 18263 exits 629/0/0 mitigation 4946900 cycles 6904050 returns 867 unflushed 0/0
              windows 426/1621/155800 flushes 0/0/627/627/1256/629/372 worst 1/0/vm2/16879-16884/5050 lists 00000b62 79db6895 69cdbbe9 69cdbbe9 00000b62
            rfc rfc2022 io-heavy-vm 4 CPUs always_flush:
              events 20000 accesses 18263 exits 0/0/0 mitigation 3034500 cycles 4991650 returns 867 unflushed 0/0
              windows 0/0/0 flushes 0/0/867/867/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 io-heavy-vm 4 CPUs core_scheduling:
              events 20000 accesses 18263 exits 0/0/0 mitigation 264400 cycles 2221550 returns 867 unflushed 867/0
              windows 0/0/0 flushes 0/0/0/0/0/34/598 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 io-heavy-vm 4 CPUs kernel_core_scheduling:
              events 20000 accesses 18263 exits 629/0/0 mitigation 2057600 cycles 4014750 returns 867 unflushed 0/0
              windows 0/0/0 flushes 0/0/627/0/0/26/372 worst - lists 00000b62 00000b62 69cdbbe9 69cdbbe9 00000b62
            rfc rfc2022 io-heavy-vm 4 CPUs none:
              events 20000 accesses 18263 exits 0/0/0 mitigation 0 cycles 1957150 returns 867 unflushed 867/0
              windows 867/3443/81150 flushes 0/0/0/0/0/0/0 worst 2/3/vm1/236-257/1600 lists 81bdc649 aa12beb1 00000b62 00000b62 5ded0beb
            rfc rfc2022 syscall-heavy-process 4 CPUs asi:
              events 20000 accesses 16200 exits 1893/0/0 mitigation 2649400 cycles 3649600 returns 1898 unflushed 1898/0
              windows 1700/6208/108000 flushes 0/0/0/0/3782/0/0 worst 2/3/p1/4766-4777/500 lists ea0079f3 6cb30c71 2c6eb289 2c6eb289 4c70ca82
            rfc rfc2022 syscall-heavy-process 4 CPUs always_flush:
              events 20000 accesses 16200 exits 0/0/0 mitigation 6643000 cycles 7643200 returns 1898 unflushed 0/0
              windows 0/0/0 flushes 0/0/1898/1898/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 syscall-heavy-process 4 CPUs core_scheduling:
              events 20000 accesses 16200 exits 0/0/0 mitigation 870100 cycles 1870300 returns 1898 unflushed 1898/0
              windows 0/0/0 flushes 0/0/0/0/0/190/1317 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 syscall-heavy-process 4 CPUs kernel_core_scheduling:
              events 20000 accesses 16200 exits 1893/0/0 mitigation 6481800 cycles 7482000 returns 1898 unflushed 0/0
              windows 0/0/0 flushes 0/0/1889/0/0/180/1216 worst - lists 00000b62 00000b62 2c6eb289 2c6eb289 00000b62
            rfc rfc2022 syscall-heavy-process 4 CPUs none:
              events 20000 accesses 16200 exits 0/0/0 mitigation 0 cycles 1000200 returns 1898 unflushed 1898/0
              windows 1898/7009/98450 flushes 0/0/0/0/0/0/0 worst 0/1/p1/6232-6253/450 lists b898b5f9 87a92cf9 00000b62 00000b62 4c70ca82
            rfc rfc2022 idle 4 CPUs asi:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 idle 4 CPUs always_flush:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 idle 4 CPUs core_scheduling:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 idle 4 CPUs kernel_core_scheduling:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 idle 4 CPUs none:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 vmexit-storm 4 CPUs asi:
              events 20000 accesses 13864 exits 244/0/0 mitigation 2917300 cycles 7294500 returns 3066 unflushed 0/0
              windows 2973/11569/913750 flushes 244/244/244/244/488/244/127 worst 0/1/vm1/16906-16918/9200 lists 00000b62 461459e1 a050f0ba a050f0ba 00000b62
            rfc asi2025 vmexit-storm 4 CPUs always_flush:
              events 20000 accesses 13864 exits 0/0/0 mitigation 10731000 cycles 15108200 returns 3066 unflushed 0/0
              windows 0/0/0 flushes 0/0/3066/3066/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 vmexit-storm 4 CPUs core_scheduling:
              events 20000 accesses 13864 exits 0/0/0 mitigation 1820000 cycles 6197200 returns 3066 unflushed 3066/0
              windows 0/0/0 flushes 0/0/0/0/0/461/2225 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 vmexit-storm 4 CPUs kernel_core_scheduling:
              events 20000 accesses 13864 exits 244/0/0 mitigation 852600 cycles 5229800 returns 3066 unflushed 0/0
              windows 0/0/0 flushes 0/0/244/0/0/33/127 worst - lists 00000b62 00000b62 a050f0ba a050f0ba 00000b62
            rfc asi2025 vmexit-storm 4 CPUs none:
              events 20000 accesses 13864 exits 0/0/0 mitigation 0 cycles 4377200 returns 3066 unflushed 3066/0
              windows 3066/12022/660300 flushes 0/0/0/0/0/0/0 worst 0/1/vm1/13134-13166/2700 lists 00000b62 4b157131 00000b62 00000b62 9ca64393
            rfc asi2025 io-heavy-vm 4 CPUs asi:
              events 20000 accesses 18263 exits 629/0/0 mitigation 7509400 cycles 9466550 returns 867 unflushed 0/0
              windows 426/1621/262400 flushes 625/625/627/627/1256/629/372 worst 1/0/vm2/16879-16884/9150 lists 00000b62 2aaaaf59 9e78b2dd 9e78b2dd 00000b62
            rfc asi2025 io-heavy-vm 4 CPUs always_flush:
              events 20000 accesses 18263 exits 0/0/0 mitigation 3034500 cycles 4991650 returns 867 unflushed 0/0
              windows 0/0/0 flushes 0/0/867/867/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 io-heavy-vm 4 CPUs core_scheduling:
              events 20000 accesses 18263 exits 0/0/0 mitigation 264400 cycles 2221550 returns 867 unflushed 867/0
              windows 0/0/0 flushes 0/0/0/0/0/34/598 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 io-heavy-vm 4 CPUs kernel_core_scheduling:
              events 20000 accesses 18263 exits 629/0/0 mitigation 2057600 cycles 4014750 returns 867 unflushed 0/0
              windows 0/0/0 flushes 0/0/627/0/0/26/372 worst - lists 00000b62 00000b62 9e78b2dd 9e78b2dd 00000b62
            rfc asi2025 io-heavy-vm 4 CPUs none:
              events 20000 accesses 18263 exits 0/0/0 mitigation 0 cycles 1957150 returns 867 unflushed 867/0
              windows 867/3443/81150 flushes 0/0/0/0/0/0/0 worst 2/3/vm1/236-257/1600 lists 81bdc649 aa12beb1 00000b62 00000b62 4d75f96b
            rfc asi2025 syscall-heavy-process 4 CPUs asi:
              events 20000 accesses 16200 exits 615/0/0 mitigation 5523500 cycles 6523700 returns 1898 unflushed 0/0
              windows 456/1515/232500 flushes 614/614/613/613/1228/0/0 worst 0/1/p1/2165-2170/3850 lists 00000b62 f4ad2cfd 6bfa9806 6bfa9806 7ea7f5a5
            rfc asi2025 syscall-heavy-process 4 CPUs always_flush:
              events 20000 accesses 16200 exits 0/0/0 mitigation 6643000 cycles 7643200 returns 1898 unflushed 0/0
              windows 0/0/0 flushes 0/0/1898/1898/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 syscall-heavy-process 4 CPUs core_scheduling:
              events 20000 accesses 16200 exits 0/0/0 mitigation 870100 cycles 1870300 returns 1898 unflushed 1898/0
              windows 0/0/0 flushes 0/0/0/0/0/190/1317 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 syscall-heavy-process 4 CPUs kernel_core_scheduling:
              events 20000 accesses 16200 exits 615/0/0 mitigation 2096500 cycles 3096700 returns 1898 unflushed 0/0
              windows 0/0/0 flushes 0/0/613/0/0/61/350 worst - lists 00000b62 00000b62 6bfa9806 6bfa9806 00000b62
            rfc asi2025 syscall-heavy-process 4 CPUs none:
              events 20000 accesses 16200 exits 0/0/0 mitigation 0 cycles 1000200 returns 1898 unflushed 1898/0
              windows 1898/7009/98450 flushes 0/0/0/0/0/0/0 worst 0/1/p1/6232-6253/450 lists 00000b62 ebe1e232 00000b62 00000b62 7ea7f5a5
            rfc asi2025 idle 4 CPUs asi:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 idle 4 CPUs always_flush:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 idle 4 CPUs core_scheduling:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 idle 4 CPUs kernel_core_scheduling:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc asi2025 idle 4 CPUs none:
              events 20000 accesses 15001 exits 0/0/0 mitigation 0 cycles 4501550 returns 0 unflushed 0/0
              windows 0/0/0 flushes 0/0/0/0/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 vmexit-storm 3 CPUs asi:
              events 20000 accesses 13838 exits 264/0/0 mitigation 2061600 cycles 6451900 returns 3080 unflushed 0/0
              windows 1991/5957/539050 flushes 0/0/264/264/528/264/96 worst 1/0/vm2/8431-8441/5100 lists 00000b62 b48cca54 d3963882 d3963882 00000b62
            rfc rfc2022 vmexit-storm 3 CPUs always_flush:
              events 20000 accesses 13838 exits 0/0/0 mitigation 10780000 cycles 15170300 returns 3080 unflushed 0/0
              windows 0/0/0 flushes 0/0/3080/3080/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 vmexit-storm 3 CPUs core_scheduling:
              events 20000 accesses 13838 exits 0/0/0 mitigation 1258300 cycles 5648600 returns 3080 unflushed 3080/0
              windows 0/0/0 flushes 0/0/0/0/0/325/1486 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            rfc rfc2022 vmexit-storm 3 CPUs kernel_core_scheduling:
              events 20000 accesses 13838 exits 264/0/0 mitigation 875800 cycles 5266100 returns 3080 unflushed 0/0
              windows 0/0/0 flushes 0/0/264/0/0/22/96 worst - lists 00000b62 00000b62 d3963882 d3963882 00000b62
            rfc rfc2022 vmexit-storm 3 CPUs none:
              events 20000 accesses 13838 exits 0/0/0 mitigation 0 cycles 4390300 returns 3080 unflushed 3080/0
              windows 2068/6215/460650 flushes 0/0/0/0/0/0/0 worst 0/1/vm1/17262-17272/2700 lists 00000b62 73588548 00000b62 00000b62 0e988089
            synthetic rfc2022 vmexit-storm 4 CPUs asi:
              events 200000 accesses 138472 exits 2613/0/0 mitigation 20544600 cycles 64387400 returns 30762 unflushed 0/0
              windows 29807/117288/8037400 flushes 0/0/2613/2613/5226/2613/1415 worst 0/1/vm0/78680-78711/6650 lists 00000b62 2031b1bd f12a297f f12a297f 00000b62
            synthetic rfc2022 vmexit-storm 4 CPUs always_flush:
              events 200000 accesses 138472 exits 0/0/0 mitigation 107667000 cycles 151509800 returns 30762 unflushed 0/0
              windows 0/0/0 flushes 0/0/30762/30762/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            synthetic rfc2022 vmexit-storm 4 CPUs core_scheduling:
              events 200000 accesses 138472 exits 0/0/0 mitigation 18390600 cycles 62233400 returns 30762 unflushed 30762/0
              windows 0/0/0 flushes 0/0/0/0/0/4686/22252 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            synthetic rfc2022 vmexit-storm 4 CPUs kernel_core_scheduling:
              events 200000 accesses 138472 exits 2613/0/0 mitigation 9208500 cycles 53051300 returns 30762 unflushed 0/0
              windows 0/0/0 flushes 0/0/2613/0/0/378/1415 worst - lists 00000b62 00000b62 f12a297f f12a297f 00000b62
            synthetic rfc2022 vmexit-storm 4 CPUs none:
              events 200000 accesses 138472 exits 0/0/0 mitigation 0 cycles 43842800 returns 30762 unflushed 30762/0
              windows 30762/122674/6687850 flushes 0/0/0/0/0/0/0 worst 0/1/vm0/76270-76301/4050 lists 00000b62 63b40df5 00000b62 00000b62 340a61fd
            synthetic rfc2022 io-heavy-vm 4 CPUs asi:
              events 100000 accesses 91058 exits 3251/0/0 mitigation 25600200 cycles 35520700 returns 4469 unflushed 0/0
              windows 2170/8216/852800 flushes 0/0/3250/3250/6501/3251/1905 worst 2/3/vm2/77043-77063/6200 lists 00000b62 cf9ffdc7 ba367bc6 ba367bc6 00000b62
            synthetic rfc2022 io-heavy-vm 4 CPUs always_flush:
              events 100000 accesses 91058 exits 0/0/0 mitigation 15641500 cycles 25562000 returns 4469 unflushed 0/0
              windows 0/0/0 flushes 0/0/4469/4469/0/0/0 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            synthetic rfc2022 io-heavy-vm 4 CPUs core_scheduling:
              events 100000 accesses 91058 exits 0/0/0 mitigation 1384600 cycles 11305100 returns 4469 unflushed 4469/0
              windows 0/0/0 flushes 0/0/0/0/0/187/3057 worst - lists 00000b62 00000b62 00000b62 00000b62 00000b62
            synthetic rfc2022 io-heavy-vm 4 CPUs kernel_core_scheduling:
              events 100000 accesses 91058 exits 3251/0/0 mitigation 10684000 cycles 20604500 returns 4469 unflushed 0/0
              windows 0/0/0 flushes 0/0/3250/0/0/145/1905 worst - lists 00000b62 00000b62 ba367bc6 ba367bc6 00000b62
            synthetic rfc2022 io-heavy-vm 4 CPUs none:
              events 100000 accesses 91058 exits 0/0/0 mitigation 0 cycles 9920500 returns 4469 unflushed 4469/0
              windows 4469/17840/429750 flushes 0/0/0/0/0/0/0 worst 2/3/vm2/77034-77065/2600 lists 2e1f8e24 6181d123 00000b62 00000b62 713d838a
            """;

    @Test
    void everyFigureOfEveryStrategyIsTheRecordedOne() {
        assertEquals(RECORDED, figures());
    }

    static String figures() {
        StringBuilder out = new StringBuilder();
        KernelImage rfc = RfcMachine.kernel();
        // the 2025 series has no local class: it runs on the global rules alone
        PolicySpec global = RfcMachine.policy(RfcMachine.rules().stream()
                .filter(r -> r.target() != MemoryClass.LOCAL_NONSENSITIVE).toList());
        for (PolicySpec p : List.of(RfcMachine.policy(), RfcMachine.asi2025(global))) {
            Classification c = new Classifier(rfc).classify(p);
            for (String w : Workload.NAMES) {
                run(out, "rfc", c, w, 4, 20_000);
            }
        }
        // an odd CPU count: the last CPU's sibling slot stays idle
        run(out, "rfc", new Classifier(rfc).classify(RfcMachine.policy()), "vmexit-storm", 3, 20_000);
        // a larger machine: regions, unplaced objects reached through handles, many pages
        KernelImage synthetic = SyntheticMachine.build(4_000, 4, 60, 4L << 30, 42);
        Classification c = new Classifier(synthetic).classify(SyntheticMachine.kvmPolicy(synthetic));
        run(out, "synthetic", c, "vmexit-storm", 4, 200_000);
        run(out, "synthetic", c, "io-heavy-vm", 4, 100_000);
        return out.toString();
    }

    private static void run(StringBuilder out, String machine, Classification c, String workload, int cpus, int n) {
        Simulator sim = new Simulator(c, new RestrictedSpaceBuilder(c).build(), CostModel.defaults(), cpus);
        for (Strategy s : Strategy.values()) {
            StrategyResult r = sim.run(s, new Workload(workload, c, cpus, n, 17));
            out.append(String.format(Locale.ROOT, "%s %s %s %d CPUs %s:%n", machine, r.model(), workload, cpus,
                    s.cliName()));
            describe(out, r);
        }
    }

    /** Two lines of figures; the lists (worst window's exposed objects, windows, top, exit, exposed) as hashes. */
    private static void describe(StringBuilder out, StrategyResult r) {
        Flushes f = r.flushes();
        LeakWindow w = r.worstWindow();
        out.append(String.format(Locale.ROOT, "  events %d accesses %d exits %d/%d/%d mitigation %d cycles %d "
                + "returns %d unflushed %d/%d%n", r.events(), r.accesses(), r.faultExits(), r.explicitExits(),
                r.switchExits(), r.mitigationCycles(), r.cycles(), r.returns(), r.unflushedData(),
                r.unflushedControl()));
        out.append(String.format(Locale.ROOT, "  windows %d/%d/%d flushes %d/%d/%d/%d/%d/%d/%d worst %s lists%s%n",
                r.windowCount(), r.windowTotalLength(), r.windowTotalCycles(), f.ibpb(), f.rsbFill(), f.l1dFlush(),
                f.verw(), f.ptSwitches(), f.stuns(), f.unstuns(),
                w == null ? "-" : w.cpu() + "/" + w.sibling() + "/" + w.context() + "/" + w.startSeq() + "-"
                        + w.endSeq() + "/" + w.cycles(),
                hash(w == null ? List.of() : w.exposed()) + hash(r.windows()) + hash(r.topObjects())
                        + hash(r.exitObjects()) + hash(r.exposedObjects())));
    }

    private static String hash(List<?> list) {
        return String.format(Locale.ROOT, " %08x", list.toString().hashCode());
    }
}
