import { describe, expect, it } from "vitest";
import { referenceIndex } from "./check";
import { shippedReference } from "./fixture.server";
import { aliasesOf, catalogue, recognise } from "./recognise";

const rows = shippedReference();
const index = referenceIndex(rows);
const named = (text: string) => recognise(text, index).map((m) => `${m.text} = ${m.hardware.name}`);

describe("aliasesOf", () => {
  it("takes vendor, product line, form factor and memory size off a name", () => {
    const h20 = rows.find((row) => row.name === "NVIDIA HGX H20")!;
    expect(aliasesOf(h20)).toEqual(["NVIDIA HGX H20", "NVIDIA H20", "HGX H20", "H20"]);
    const a100 = rows.find((row) => row.name === "NVIDIA A100 SXM4 80 GB")!;
    expect(aliasesOf(a100)).toContain("A100");
    const gb300 = rows.find((row) => row.name === "NVIDIA GB300 (Blackwell Ultra)")!;
    expect(aliasesOf(gb300)).toEqual(["NVIDIA GB300", "GB300"]);
  });

  it("adds the names editors give, comma-separated", () => {
    expect(
      aliasesOf({ id: 1, name: "Alibaba PPU", aliases: "Zhenwu 810E, T-Head PPU", manufacturer: "Alibaba" }),
    ).toEqual(["Alibaba PPU", "Zhenwu 810E", "T-Head PPU", "PPU"]);
  });
});

describe("recognise", () => {
  it("finds the press's names for a chip", () => {
    expect(named("Nvidia's H20 GPU is sold in China.")).toEqual(["H20 = NVIDIA HGX H20"]);
    expect(named("The HGX H20 ships in eight-GPU boards.")).toEqual(["HGX H20 = NVIDIA HGX H20"]);
    expect(named("Nvidia H20 demand fell.")).toEqual(["Nvidia H20 = NVIDIA HGX H20"]);
    expect(named("Alibaba's Hanguang 800 reached 825 TOPS.")).toEqual(["Hanguang 800 = T-Head Hanguang 800"]);
    expect(named("Huawei's Ascend 910B and the Ascend 910 differ.")).toEqual([
      "Ascend 910B = Huawei Ascend 910B",
      "Ascend 910 = Huawei Ascend 910",
    ]);
    expect(named("Google's Ironwood chip")).toEqual(["Ironwood = Google TPU v7 Ironwood"]);
    expect(named("Ascend-910B test")).toEqual(["Ascend-910B = Huawei Ascend 910B"]);
  });

  it("finds chips in Chinese text, where words have no spaces between them", () => {
    expect(named("英伟达H20芯片的INT8算力为296 TOPS。")).toEqual(["H20 = NVIDIA HGX H20"]);
    expect(named("阿里巴巴的含光800芯片性能强劲。")).toEqual(["含光800 = T-Head Hanguang 800"]);
    expect(named("华为昇腾910B与昇腾910C")).toEqual([
      "昇腾910B = Huawei Ascend 910B",
      "昇腾910C = Huawei Ascend 910C",
    ]);
    expect(named("水的化学式不是H20。")).toEqual([]);
  });

  it("lets a shared name stand for its own row and the longest name win", () => {
    expect(named("Nvidia A100 GPUs")).toEqual(["Nvidia A100 = NVIDIA A100"]);
    expect(named("the A100 PCIe card")).toEqual(["A100 PCIe = NVIDIA A100 PCIe"]);
    expect(named("A100 SXM4 80 GB boards with H100s")).toEqual([
      "A100 SXM4 80 GB = NVIDIA A100 SXM4 80 GB",
      "H100 = NVIDIA H100 SXM5 80GB",
    ]);
  });

  it("avoids false hits: inside longer tokens, or a bare code with no hardware talk", () => {
    expect(named("The GH200 chip")).toEqual(["GH200 = NVIDIA GH200"]);
    expect(named("An A1000 chip and a H200X GPU")).toEqual([]);
    expect(named("Boiling H20 at sea level.")).toEqual([]);
    expect(named("Take the A100 to Edinburgh, then the A1.")).toEqual([]);
    expect(named("The L2 cache is small.")).toEqual([]);
    expect(named("Version 910 of the Ascend app.")).toEqual([]);
  });

  it("finds nothing in an empty catalogue", () => {
    expect(recognise("H20 chips", catalogue([]))).toEqual([]);
  });
});
