// Reads the pixels of a PNG as WebDriver screenshots produce it (8-bit RGB or RGBA, not
// interlaced), with node's zlib only: enough to ask what colour an engine actually painted.
import { inflateSync } from "node:zlib";

/** `{ width, height, pixel(x, y) -> [r, g, b] }` of a PNG buffer. */
export function decodePng(buffer) {
  const signature = "89504e470d0a1a0a";
  if (buffer.subarray(0, 8).toString("hex") !== signature) throw new Error("not a PNG");
  let offset = 8;
  let width, height, depth, colour, interlace;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    const chunk = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      [depth, colour] = [chunk[8], chunk[9]];
      interlace = chunk[12];
    } else if (type === "IDAT") {
      data.push(chunk);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colour];
  if (depth !== 8 || !channels || interlace !== 0) {
    throw new Error(`PNG kind not read here: bit depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += a;
      else if (filter === 2) value += b;
      else if (filter === 3) value += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = value & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => [...out.subarray(y * stride + x * channels, y * stride + x * channels + 3)],
  };
}

/** The colour most pixels of the PNG have inside `rect` (all of it by default), 3 px in from its
 * edges so a border does not count: a control's background. */
export function dominantColour(buffer, rect) {
  const image = decodePng(buffer);
  const { x: left, y: top, width, height } = rect ?? { x: 0, y: 0, width: image.width, height: image.height };
  const counts = new Map();
  for (let y = Math.max(0, top + 3); y < Math.min(image.height, top + height - 3); y++) {
    for (let x = Math.max(0, left + 3); x < Math.min(image.width, left + width - 3); x++) {
      const key = image.pixel(x, y).join(",");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best] = [...counts.entries()].sort((p, q) => q[1] - p[1]);
  if (!best) throw new Error(`no pixel inside ${JSON.stringify(rect)} of a ${image.width}×${image.height} PNG`);
  return best[0].split(",").map(Number);
}
