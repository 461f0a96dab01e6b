package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Combining validity copies details in bulk; on every row without a value the detail must be the
 * first input's (in order) that has none, as the row-by-row definition says.
 */
class CombineTest {
    private static Buf random(SplittableRandom rnd, int n, int tag, int missingOneIn) {
        Buf b = new Buf(Program.CHUNK, -1);
        b.allOk(n);
        for (int i = 0; i < n; i++) {
            b.d[i] = tag * 10_000 + i;
            if (missingOneIn > 0 && rnd.nextInt(missingOneIn) == 0) {
                b.ok[i >>> 6] &= ~(1L << i);
            }
        }
        return b;
    }

    private static boolean ok(Buf b, int i) {
        return (b.ok[i >>> 6] & (1L << i)) != 0;
    }

    @Test
    void theFirstInputWithoutAValueGivesTheDetail() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rnd.nextInt(Program.CHUNK);
            int inputs = 1 + rnd.nextInt(4);
            Buf[] in = new Buf[inputs];
            for (int k = 0; k < inputs; k++) {
                int[] choices = {0, 2, 10, 200}; // none missing, half, a tenth, rarely
                in[k] = random(rnd, n, k + 1, choices[rnd.nextInt(choices.length)]);
            }
            Buf out = new Buf(Program.CHUNK, -1);
            if (inputs == 1) {
                Validity.copy(out, n, in[0]);
            } else if (inputs == 2) {
                Validity.combine(out, n, in[0], in[1]);
            } else {
                Validity.combine(out, n, in);
            }
            for (int i = 0; i < n; i++) {
                int first = -1;
                for (int k = 0; k < inputs && first < 0; k++) {
                    if (!ok(in[k], i)) {
                        first = k;
                    }
                }
                assertEquals(first < 0, ok(out, i), "row " + i);
                if (first >= 0) {
                    assertEquals(in[first].d[i], out.d[i], "detail of row " + i);
                }
            }
        }
    }
}
