// Scenario: A library file defines a small residual network whose stochastic-depth rate follows a SetEpoch(int) schedule; it holds no loaders and no training loop, so nothing applies (negative).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Models;

public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    readonly Conv2d _conv1, _conv2;
    readonly BatchNorm2d _bn1, _bn2;
    readonly nn.Module<Tensor, Tensor>? _shortcut;
    public double DropRate { get; set; }

    public ResidualBlock(string name, long inChannels, long outChannels, long stride) : base(name)
    {
        _conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(outChannels);
        _conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
            _shortcut = nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), nn.BatchNorm2d(outChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var y = _bn2.forward(_conv2.forward(nn.functional.relu(_bn1.forward(_conv1.forward(x)))));
        if (training && DropRate > 0 && rand(1).item<float>() < DropRate) y = zeros_like(y);
        return nn.functional.relu(y + (_shortcut?.forward(x) ?? x));
    }
}

public sealed class TinyResNet : nn.Module<Tensor, Tensor>
{
    readonly Conv2d _stem = nn.Conv2d(1, 16, 3, padding: 1, bias: false);
    readonly ModuleList<ResidualBlock> _blocks = new();
    readonly Linear _head = nn.Linear(64, 10);
    readonly double _maxDropRate;
    readonly int _totalEpochs;

    public TinyResNet(double maxDropRate = 0.2, int totalEpochs = 30) : base(nameof(TinyResNet))
    {
        _maxDropRate = maxDropRate;
        _totalEpochs = totalEpochs;
        long channels = 16;
        foreach (var (width, stride) in new[] { (16L, 1L), (32L, 2L), (64L, 2L) })
        {
            _blocks.Add(new ResidualBlock($"block{_blocks.Count}", channels, width, stride));
            channels = width;
        }
        RegisterComponents();
    }

    public void SetEpoch(int epoch)
    {
        double rate = _maxDropRate * Math.Min(1.0, (double)epoch / _totalEpochs);
        for (int i = 0; i < _blocks.Count; i++) _blocks[i].DropRate = rate * (i + 1) / _blocks.Count;
    }

    public override Tensor forward(Tensor x)
    {
        x = nn.functional.relu(_stem.forward(x));
        foreach (var block in _blocks) x = block.forward(x);
        return _head.forward(nn.functional.adaptive_avg_pool2d(x, 1).flatten(1));
    }
}
