import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Fails (exit 1) when a browser screenshot of report.html is blank: unreadable, or almost all one colour, or
 * nearly without colours (a page that rendered nothing but its background). Run as
 * {@code java scripts/ScreenshotCheck.java shot.png}; needs only a JDK.
 */
public class ScreenshotCheck {
    /** A rendered report is mostly white, but its tables, text and drawings cover well over this share. */
    static final double MAX_DOMINANT_SHARE = 0.97;
    static final int MIN_COLOURS = 16;

    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        if (image == null) {
            fail(args[0] + " is not an image");
        }
        Map<Integer, Integer> counts = new HashMap<>();
        int total = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                counts.merge(rgb, 1, Integer::sum);
                total++;
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (r > 150 && g < 80 && b < 80) {
                    red++;
                }
            }
        }
        int dominant = counts.values().stream().max(Integer::compare).orElse(0);
        double share = (double) dominant / total;
        System.out.printf("screenshot %dx%d: %d colours, dominant colour %.1f%% of pixels, %d attacker-red pixels%n",
                image.getWidth(), image.getHeight(), counts.size(), share * 100, red);
        if (share > MAX_DOMINANT_SHARE) {
            fail("the page looks blank: one colour covers " + String.format("%.1f%%", share * 100));
        }
        if (counts.size() < MIN_COLOURS) {
            fail("the page looks blank: only " + counts.size() + " colours");
        }
    }

    static void fail(String why) {
        System.err.println("ScreenshotCheck: " + why);
        System.exit(1);
    }
}
