using DubAgent.Core.Models;

namespace DubAgent.Core.Tests.Models;

public sealed class ModelSizeTextTests
{
    [Theory]
    [InlineData(4_885, "5 kB")]
    [InlineData(300, "1 kB")]
    [InlineData(2_327_524, "2 MB")]
    [InlineData(63_201_294, "63 MB")]
    [InlineData(1_550_000_000, "1.6 GB")]
    public void Sizes_read_in_the_unit_that_fits(long bytes, string expected) => Assert.Equal(expected, ModelUnavailable.Megabytes(bytes));
}
